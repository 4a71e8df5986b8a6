import { z } from 'zod';
import { LEAD_STATUSES } from '@/db/schema/enums';
import { companyFields, contactFields } from '../clients/schemas';

const id = z.number().int().positive();
const version = z.number().int().positive();

export const leadFilters = z.object({
  status: z.enum(LEAD_STATUSES).optional(),
  sourceId: id.optional(),
  ownerId: id.optional(),
  /** Half-open [from, to) calendar dates in the organisation's time zone. */
  createdFrom: z.iso.date().optional(),
  createdTo: z.iso.date().optional(),
  search: z.string().trim().max(200).optional(),
  /** Leads whose owner is in this team (still within the viewer's visibility). */
  teamId: id.optional(),
});

export const listLeadsInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
  filters: leadFilters.default({}),
});
export type ListLeadsInput = z.input<typeof listLeadsInput>;

export const leadByIdInput = z.object({ id });
export const startLeadInput = z.object({ id, version });
export const reassignLeadInput = z.object({ id, version, ownerId: id });
export const junkLeadInput = z.object({
  id,
  version,
  junkReasonId: id,
  junkComment: z.string().trim().max(2000).nullish().transform((value) => value || null),
});

/** What a lead becomes: each part new or existing, or left out; at least one part. */
const newOrExisting = <T extends z.ZodType>(fields: T) =>
  z.discriminatedUnion('mode', [z.object({ mode: z.literal('new'), fields }), z.object({ mode: z.literal('existing'), id })]);

export const convertLeadInput = z
  .object({
    id,
    version,
    company: newOrExisting(companyFields).nullish(),
    contact: newOrExisting(contactFields.omit({ companyId: true })).nullish(),
    deal: z
      .object({ pipelineId: id, title: z.string().trim().min(1).max(300), amount: z.union([z.string(), z.number()]).optional() })
      .nullish(),
  })
  .refine((input) => Boolean(input.company || input.contact || input.deal), {
    path: ['deal'],
    error: 'convert the lead into at least a contact, a company or a deal',
  });
export type ConvertLeadInput = z.input<typeof convertLeadInput>;

export { createLeadInput, type CreateLeadInput } from './create-lead-schema';
