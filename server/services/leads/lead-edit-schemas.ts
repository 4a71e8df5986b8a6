import { z } from 'zod';

const id = z.number().int().positive();
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((value) => value || null);

/**
 * The fields a lead's card edits; the same schema validates the form in the browser and the
 * server. The phone is checked on the server (the phone library stays out of the browser).
 */
export const leadEditFields = z
  .object({
    title: z.string().trim().min(1).max(300),
    personName: optionalText(200),
    phone: optionalText(40),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.union([z.literal(''), z.email({ error: 'not a valid e-mail address' })]))
      .nullish()
      .transform((value) => value || null),
    companyName: optionalText(300),
    comment: optionalText(5000),
    sourceId: id.nullish().transform((value) => value ?? null),
  })
  .refine((lead) => Boolean(lead.phone || lead.email || lead.personName || lead.companyName), {
    path: ['phone'],
    error: 'give at least a name, a company, a phone or an e-mail',
  });

export const updateLeadInput = z.intersection(z.object({ id, version: z.number().int().positive() }), leadEditFields);
export type UpdateLeadInput = z.input<typeof updateLeadInput>;
