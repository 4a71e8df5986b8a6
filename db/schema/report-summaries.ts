import { date, index, integer, numeric, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { id } from './columns';

/**
 * Monthly report summaries (DESIGN.md §7): the conversion and sources reports read these instead
 * of a year of leads and closed deals when their periods are whole months. Months are calendar
 * months in the organisation's time zone. Triggers on leads and deals keep them current in the
 * writing transaction (migration 0007); a change of the organisation's time zone refills them
 * (migration 0013); `npm run db:repair-summaries` recomputes them. Rows whose counts fall to zero may remain.
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

const stays = (name: string) => integer(name).notNull().default(0);

/**
 * Completed stage stays (deal_stage_history rows with left_at) of the deals created in one month
 * (the funnel's cohort), per pipeline, owner and stage: how many, their total length, and how many
 * fell in each length band (lib/analytics/stay-bands.ts), so the funnel's average is exact and its
 * median band is exact for any whole-month period. Kept current by triggers on deal_stage_history
 * and deals (migration 0013).
 */
export const stageStayMonthly = pgTable(
  'stage_stay_monthly',
  {
    id: id(),
    /** First day of the month the deals were created in (org time zone). */
    month: date('month').notNull(),
    pipelineId: integer('pipeline_id').notNull(),
    ownerId: integer('owner_id').notNull(),
    stageId: integer('stage_id').notNull(),
    stays: stays('stays'),
    /** Sum of left_at − changed_at over the stays, in seconds (exact). */
    seconds: numeric('seconds').notNull().default('0'),
    stays0To1h: stays('stays_0_1h'),
    stays1To4h: stays('stays_1h_4h'),
    stays4To12h: stays('stays_4h_12h'),
    stays12hTo1d: stays('stays_12h_1d'),
    stays1To2d: stays('stays_1d_2d'),
    stays2To3d: stays('stays_2d_3d'),
    stays3To5d: stays('stays_3d_5d'),
    stays5To7d: stays('stays_5d_7d'),
    stays7To14d: stays('stays_7d_14d'),
    stays14To30d: stays('stays_14d_30d'),
    stays30To60d: stays('stays_30d_60d'),
    stays60To90d: stays('stays_60d_90d'),
    stays90dPlus: stays('stays_90d_plus'),
  },
  (t) => [
    unique('stage_stay_monthly_key').on(t.month, t.pipelineId, t.ownerId, t.stageId),
    index('stage_stay_monthly_pipeline_month_idx').on(t.pipelineId, t.month),
  ],
);

/**
 * The funnel's cohort folded by month: deals created in one month (org time zone) per pipeline,
 * owner, status and furthest stage reached (deals.furthest_stage_order), with their amount. The
 * funnel meets these few rows with the stages instead of scanning two years of deals when its
 * periods are whole months. Kept current by a trigger on deals (migration 0013).
 */
export const dealCohortMonthly = pgTable(
  'deal_cohort_monthly',
  {
    id: id(),
    /** First day of the month the deals were created in. */
    month: date('month').notNull(),
    pipelineId: integer('pipeline_id').notNull(),
    ownerId: integer('owner_id').notNull(),
    status: text('status').notNull(),
    furthestStageOrder: integer('furthest_stage_order').notNull(),
    deals: integer('deals').notNull().default(0),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull().default('0'),
  },
  (t) => [
    unique('deal_cohort_monthly_key').on(t.month, t.pipelineId, t.ownerId, t.status, t.furthestStageOrder),
    index('deal_cohort_monthly_pipeline_month_idx').on(t.pipelineId, t.month),
  ],
);

/**
 * Lost deals per closing month (org time zone), pipeline, source, loss reason and the stage they
 * were lost from, organisation-wide (no owner): the loss-reasons report reads these few rows when
 * it covers whole months for everyone; a team or manager reads the deals through the owner index.
 * Kept current by a trigger on deals (migration 0014).
 */
export const dealLossMonthly = pgTable(
  'deal_loss_monthly',
  {
    id: id(),
    /** First day of the month the deals were lost in. */
    month: date('month').notNull(),
    pipelineId: integer('pipeline_id').notNull(),
    sourceId: integer('source_id'),
    lossReasonId: integer('loss_reason_id'),
    lostFromStageId: integer('lost_from_stage_id'),
    lost: integer('lost').notNull().default(0),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull().default('0'),
  },
  (t) => [unique('deal_loss_monthly_key').on(t.month, t.pipelineId, t.sourceId, t.lossReasonId, t.lostFromStageId).nullsNotDistinct()],
);

/**
 * Money in per month and invoice owner: counted invoices (issued or paid) by their issue month
 * (issue_date is already an org-local calendar date) and the payments of counted invoices by the
 * month they were received in (org time zone). The receivables report reads these when its
 * periods are whole months and no pipeline or source narrows the invoices. Kept current by
 * triggers on invoices and payments (migration 0018).
 */
export const invoiceFlowMonthly = pgTable(
  'invoice_flow_monthly',
  {
    id: id(),
    /** First day of the month. */
    month: date('month').notNull(),
    ownerId: integer('owner_id').notNull(),
    invoiced: integer('invoiced').notNull().default(0),
    invoicedAmount: numeric('invoiced_amount', { precision: 16, scale: 2 }).notNull().default('0'),
    payments: integer('payments').notNull().default(0),
    paidAmount: numeric('paid_amount', { precision: 16, scale: 2 }).notNull().default('0'),
  },
  (t) => [unique('invoice_flow_monthly_key').on(t.month, t.ownerId)],
);
