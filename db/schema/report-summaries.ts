import { date, integer, numeric, pgTable, unique } from 'drizzle-orm/pg-core';
import { id } from './columns';

/**
 * Monthly report summaries (DESIGN.md §7): the conversion and sources reports read these instead
 * of a year of leads and closed deals when their periods are whole months. Months are calendar
 * months in the organisation's time zone. Triggers on leads and deals keep them current in the
 * writing transaction (migration 0007); `npm run db:repair-summaries` recomputes them, and must
 * be run after the organisation's time zone changes. Rows whose counts fall to zero may remain.
 */
export const leadMonthly = pgTable(
  'lead_monthly',
  {
    id: id(),
    /** First day of the month the leads were created in. */
    month: date('month').notNull(),
    ownerId: integer('owner_id'),
    sourceId: integer('source_id'),
    created: integer('created').notNull().default(0),
    converted: integer('converted').notNull().default(0),
    junk: integer('junk').notNull().default(0),
  },
  (t) => [unique('lead_monthly_key').on(t.month, t.ownerId, t.sourceId).nullsNotDistinct()],
);

/** Won and lost deals per month closed, owner, source and pipeline. */
export const dealOutcomeMonthly = pgTable(
  'deal_outcome_monthly',
  {
    id: id(),
    /** First day of the month the deals were closed in. */
    month: date('month').notNull(),
    ownerId: integer('owner_id').notNull(),
    sourceId: integer('source_id'),
    pipelineId: integer('pipeline_id').notNull(),
    won: integer('won').notNull().default(0),
    lost: integer('lost').notNull().default(0),
    wonAmount: numeric('won_amount', { precision: 16, scale: 2 }).notNull().default('0'),
    /** Sum over won deals of (closed_at − created_at) in seconds: the average sales cycle. */
    wonSeconds: numeric('won_seconds').notNull().default('0'),
  },
  (t) => [unique('deal_outcome_monthly_key').on(t.month, t.ownerId, t.sourceId, t.pipelineId).nullsNotDistinct()],
);
