import { z } from 'zod';
import { isValidInn } from '@/lib/inn';
import { normalizePhone } from '@/lib/phone';
import { EXPORT_FORMATS } from '../export/formats';

/** The same schemas validate the client forms in the browser and the services on the server. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

const phone = z.string().trim().refine((value) => normalizePhone(value) !== null, {
  error: 'not a valid phone number',
});
const email = z.string().trim().toLowerCase().pipe(z.email({ error: 'not a valid e-mail address' }));

/** Blank rows of a form's list are dropped before the values are checked. */
const withoutBlanks = z.array(z.string()).transform((list) => list.map((item) => item.trim()).filter(Boolean));
export const phoneList = withoutBlanks.pipe(z.array(phone).max(10)).default([]);
export const emailList = withoutBlanks.pipe(z.array(email).max(10)).default([]);

export const companyFields = z.object({
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
export type CompanyFields = z.input<typeof companyFields>;

export const contactFields = z.object({
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
export type ContactFields = z.input<typeof contactFields>;

export const CLIENT_SORT_FIELDS = ['name', 'createdAt'] as const;

/** What narrows a client list (and its export). */
export const clientFilters = z.object({
  search: z.string().trim().max(200).optional(),
  ownerId: z.number().int().positive().optional(),
  status: z.enum(['new', 'returning']).optional(),
  sort: z
    .object({ field: z.enum(CLIENT_SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
    .default({ field: 'name', direction: 'asc' }),
});
export type ClientFilters = z.output<typeof clientFilters>;

export const listClientsInput = clientFilters.extend({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListClientsInput = z.input<typeof listClientsInput>;

export const exportClientsInput = clientFilters.extend({
  kind: z.enum(['companies', 'contacts']),
  format: z.enum(EXPORT_FORMATS),
});
export type ExportClientsInput = z.input<typeof exportClientsInput>;

export const clientByIdInput = z.object({ id: z.number().int().positive() });

export const createCompanyInput = companyFields;
export const updateCompanyInput = companyFields.partial().extend({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
});
export const createContactInput = contactFields;
export const updateContactInput = contactFields.partial().extend({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
});
