import { z } from 'zod';
import { isValidInn } from '@/lib/inn';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

/**
 * The fields of a company and a contact. The same schemas check the browser forms and the
 * services, except for what makes a phone valid: the services check it against its country's
 * numbering plan (lib/phone.ts), the forms only its shape (lib/phone-shape.ts), so the browser
 * does not load the numbering plans; a number of the right shape that no plan knows is refused
 * by the server, naming the field.
 */
export function clientFieldSchemas(isPhone: (value: string) => boolean) {
  const phone = z.string().trim().refine(isPhone, { error: 'not a valid phone number' });
  const email = z.string().trim().toLowerCase().pipe(z.email({ error: 'not a valid e-mail address' }));
  /** Blank rows of a form's list are dropped before the values are checked. */
  const withoutBlanks = z.array(z.string()).transform((list) => list.map((item) => item.trim()).filter(Boolean));
  const phoneList = withoutBlanks.pipe(z.array(phone).max(10)).default([]);
  const emailList = withoutBlanks.pipe(z.array(email).max(10)).default([]);

  const companyFields = z.object({
    name: z.string().trim().min(1).max(300),
    inn: z
      .string()
      .trim()
      .nullish()
      .transform((value) => value || null)
      .refine((value) => value === null || isValidInn(value), {
        error: 'must be 10 or 12 digits with valid check digits',
      }),
    industry: optionalText(120),
    region: optionalText(120),
    address: optionalText(500),
    website: optionalText(300),
    segment: optionalText(60),
    notes: optionalText(5000),
    phones: phoneList,
    emails: emailList,
  });

  const contactFields = z.object({
    lastName: z.string().trim().min(1).max(120),
    firstName: optionalText(120),
    middleName: optionalText(120),
    position: optionalText(200),
    birthday: z.iso.date().nullish().transform((value) => value ?? null),
    companyId: z.number().int().positive().nullish().transform((value) => value ?? null),
    notes: optionalText(5000),
    phones: phoneList,
    emails: emailList,
  });

  return { phoneList, emailList, companyFields, contactFields };
}
