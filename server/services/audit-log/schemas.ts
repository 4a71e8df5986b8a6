import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' });

/** Filters of the audit log viewer; dates are days in the organisation's time zone, both included. */
export const listAuditEntriesInput = z.object({
  actorId: z.number().int().positive().optional(),
  entityType: z.string().regex(/^[a-zA-Z]{1,40}$/).optional(),
  entityId: z.number().int().positive().optional(),
  fromDay: day.optional(),
  toDay: day.optional(),
  /** Keyset paging: entries older than this id (the previous page's nextCursor). */
  cursor: z.number().int().positive().nullish(),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type ListAuditEntriesInput = z.input<typeof listAuditEntriesInput>;
