import { z } from 'zod';
import { DEAL_STATUSES } from '@/db/schema/enums';
import { EXPORT_FORMATS } from '../export/formats';

/** Money typed by people: "1 234 567,89" or "1234567.89" → "1234567.89"; at most 2 decimals. */
export const moneyInput = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'))
  .pipe(
    z
      .string()
      .regex(/^\d{1,12}(\.\d{1,2})?$/, { error: 'must be a non-negative amount with at most 2 decimals' }),
  );

export const isoDate = z.iso.date();

export const DEAL_SORT_FIELDS = ['createdAt', 'amount', 'title', 'expectedCloseDate', 'closedAt', 'stage', 'owner'] as const;
export type DealSortField = (typeof DEAL_SORT_FIELDS)[number];

const id = z.number().int().positive();

/** What narrows a list of deals; the list, its export and later reports share it. */
export const dealFilters = z
  .object({
    status: z.enum(DEAL_STATUSES).optional(),
    pipelineId: id.optional(),
    stageId: id.optional(),
    ownerId: id.optional(),
    sourceId: id.optional(),
    amountMin: moneyInput.optional(),
    amountMax: moneyInput.optional(),
    /** Half-open [from, to) calendar dates in the organisation's time zone. */
    createdFrom: isoDate.optional(),
    createdTo: isoDate.optional(),
    closedFrom: isoDate.optional(),
    closedTo: isoDate.optional(),
    search: z.string().trim().max(200).optional(),
    /** Deals whose owner is in this team (still within the viewer's row scope). */
    teamId: id.optional(),
    /** Deals that reached this stage (funnel): an open stage when the furthest stage is at or past it or the deal is won; a won/lost stage by status. */
    reachedStageId: id.optional(),
    lossReasonId: id.optional(),
    /** Lost deals lost from this stage, as the loss-reasons report counts them. */
    lostFromStageId: id.optional(),
  })
  .refine((f) => !f.amountMin || !f.amountMax || Number(f.amountMin) <= Number(f.amountMax), {
    path: ['amountMax'],
    error: 'must not be less than amountMin',
  });
export type DealFilters = z.output<typeof dealFilters>;

export const dealSort = z
  .object({ field: z.enum(DEAL_SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
  .default({ field: 'createdAt', direction: 'desc' });

export const listDealsInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
  filters: dealFilters.default({}),
  sort: dealSort,
});
export type ListDealsInput = z.input<typeof listDealsInput>;

export const dealByIdInput = z.object({ id: z.number().int().positive() });

/** The editable details of a deal; the same schema validates the form and the server. */
export const dealDetailsFields = z.object({
  title: z.string().trim().min(1).max(300),
  amount: moneyInput,
  expectedCloseDate: isoDate.nullable(),
  /** A deal type from the active list; an archived one may stay on the deal but not be chosen anew. */
  dealTypeId: z.number().int().positive().nullable().optional(),
});

export const updateDealInput = dealDetailsFields.partial().extend({
  id: z.number().int().positive(),
  /** The version the editor started from: a newer one on the server means someone else changed it. */
  version: z.number().int().positive(),
});
export type UpdateDealInput = z.input<typeof updateDealInput>;

export const moveDealInput = z.object({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  stageId: z.number().int().positive(),
  /** Required when the target is the lost stage. */
  lossReasonId: z.number().int().positive().optional(),
  lossComment: z.string().trim().max(2000).optional(),
  /** The final amount, asked when a deal is won. */
  amount: moneyInput.optional(),
});
export type MoveDealInput = z.input<typeof moveDealInput>;

export const reopenDealInput = z.object({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  /** The open stage the deal returns to. */
  stageId: z.number().int().positive(),
});
export type ReopenDealInput = z.input<typeof reopenDealInput>;

/** Filters shared by the kanban board and its per-column pages. */
export const boardFilters = z.object({
  pipelineId: z.number().int().positive(),
  ownerId: z.number().int().positive().optional(),
  sourceId: z.number().int().positive().optional(),
  search: z.string().trim().max(200).optional(),
});

export const boardInput = boardFilters.extend({
  perColumn: z.number().int().min(1).max(100).default(20),
});
export type BoardInput = z.input<typeof boardInput>;

export const boardColumnInput = boardFilters.extend({
  stageId: z.number().int().positive(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(20),
});
export type BoardColumnInput = z.input<typeof boardColumnInput>;

export const reassignDealInput = z.object({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  ownerId: z.number().int().positive(),
});
export type ReassignDealInput = z.input<typeof reassignDealInput>;

export const exportDealsInput = z.object({
  format: z.enum(EXPORT_FORMATS),
  filters: dealFilters.default({}),
  sort: dealSort,
});
export type ExportDealsInput = z.input<typeof exportDealsInput>;

export const createDealInput = z.object({
  title: z.string().trim().min(1).max(300),
  pipelineId: z.number().int().positive(),
  amount: moneyInput.default('0'),
  contactId: z.number().int().positive().nullish(),
  companyId: z.number().int().positive().nullish(),
  sourceId: z.number().int().positive().nullish(),
  dealTypeId: z.number().int().positive().nullish(),
  expectedCloseDate: isoDate.nullish(),
});
export type CreateDealInput = z.input<typeof createDealInput>;
