import { z } from 'zod';
import { normalizePhone } from '@/lib/phone';
import { EXPORT_FORMATS } from '../export/formats';
import { clientFieldSchemas } from './client-fields';

/** The services' client fields: phones checked against their numbering plans (see client-fields.ts). */
export const { phoneList, emailList, companyFields, contactFields } = clientFieldSchemas((value) => normalizePhone(value) !== null);
export type CompanyFields = z.input<typeof companyFields>;
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
