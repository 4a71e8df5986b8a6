import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, money, timestamps, versioned } from './columns';
import { users } from './users';
import { pipelines, stages } from './pipelines';
import { companies, contacts } from './clients';
import { dealTypes, leadSources, lossReasons } from './reference';
import { leads } from './leads';
import { DEAL_STATUSES } from './enums';
export { DEAL_STATUSES, type DealStatus } from './enums';

export const deals = pgTable(
  'deals',
  {
    id: id(),
    title: text('title').notNull(),
    pipelineId: integer('pipeline_id')
      .notNull()
      .references(() => pipelines.id),
    stageId: integer('stage_id')
      .notNull()
      .references(() => stages.id),
    /** Mirrors the kind of the current stage so open / closed filters stay index-only. */
    status: text('status', { enum: DEAL_STATUSES }).notNull().default('open'),
    amount: money('amount').notNull().default('0'),
    currency: char('currency', { length: 3 }).notNull().default('RUB'),
    contactId: integer('contact_id').references(() => contacts.id),
    companyId: integer('company_id').references(() => companies.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    sourceId: integer('source_id').references(() => leadSources.id),
    dealTypeId: integer('deal_type_id').references(() => dealTypes.id),
    leadId: integer('lead_id').references((): AnyPgColumn => leads.id),
    expectedCloseDate: date('expected_close_date'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    lossReasonId: integer('loss_reason_id').references(() => lossReasons.id),
    lossComment: text('loss_comment'),
    /** The client already had a won deal when this one was created. */
    isRepeat: boolean('is_repeat').notNull().default(false),
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true }).notNull().defaultNow(),
    /** Sort order of the furthest open stage ever reached (funnel report: skipped stages count as passed). */
    furthestStageOrder: integer('furthest_stage_order').notNull().default(0),
    /**
     * A lost deal's stage before the loss: the from-stage of its latest history row when that row
     * enters a lost stage, else null. Kept by the deal_stage_history_close_stay trigger (loss
     * reasons report, drill-down); `npm run db:repair-summaries` recomputes it.
     */
    lostFromStageId: integer('lost_from_stage_id').references((): AnyPgColumn => stages.id),
    /** Bookkeeping for Today and hygiene, kept current with every activity write. */
    openTaskCount: integer('open_task_count').notNull().default(0),
    nextTaskDueAt: timestamp('next_task_due_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    check('deals_status_check', sql`${t.status} in ('open', 'won', 'lost')`),
    check('deals_closed_at_check', sql`(${t.status} = 'open') = (${t.closedAt} is null)`),
    check('deals_lost_has_reason', sql`${t.status} <> 'lost' or ${t.lossReasonId} is not null`),
    check('deals_amount_check', sql`${t.amount} >= 0`),
    check('deals_open_task_count_check', sql`${t.openTaskCount} >= 0`),
    index('deals_owner_stage_idx').on(t.ownerId, t.stageId),
    index('deals_owner_open_due_idx')
      .on(t.ownerId, t.nextTaskDueAt)
      .where(sql`${t.status} = 'open'`),
    // Open deals per stage (kanban, pipeline snapshot), wide enough for the snapshot to read index-only.
    index('deals_pipeline_stage_open_idx')
      .on(t.pipelineId, t.stageId, t.ownerId, t.sourceId, t.amount, t.stageEnteredAt)
      .where(sql`${t.status} = 'open'`),
    index('deals_created_idx').on(t.createdAt),
    // The funnel cohort (deals created in a period, per pipeline) read by an index-only scan: every
    // column the funnel counts is in the key, so a year of a million deals never touches the heap.
    index('deals_funnel_cohort_idx').on(t.pipelineId, t.createdAt, t.ownerId, t.sourceId, t.status, t.furthestStageOrder, t.amount),
    // The same cohort for a team or a manager: reached by owner first.
    index('deals_owner_cohort_idx').on(t.ownerId, t.createdAt, t.pipelineId, t.sourceId, t.status, t.furthestStageOrder, t.amount),
    // Deals closed in a period (win rate, sources, losses): covering partial indexes, org-wide and by owner.
    index('deals_closed_idx')
      .on(t.closedAt, t.ownerId, t.pipelineId, t.sourceId, t.status, t.amount, t.createdAt, t.lossReasonId, t.stageId)
      .where(sql`${t.status} <> 'open'`),
    // Lost deals by reason and the stage lost from (loss reasons report), org-wide and by owner.
    index('deals_lost_idx')
      .on(t.closedAt, t.ownerId, t.pipelineId, t.sourceId, t.lossReasonId, t.lostFromStageId, t.amount)
      .where(sql`${t.status} = 'lost'`),
    index('deals_owner_lost_idx')
      .on(t.ownerId, t.closedAt, t.pipelineId, t.sourceId, t.lossReasonId, t.lostFromStageId, t.amount)
      .where(sql`${t.status} = 'lost'`),
    index('deals_owner_closed_idx')
      .on(t.ownerId, t.closedAt, t.pipelineId, t.sourceId, t.status, t.amount, t.createdAt, t.lossReasonId, t.stageId)
      .where(sql`${t.status} <> 'open'`),
    // The churn report for a team or a manager: their won deals, read from the index alone.
    index('deals_won_owner_idx')
      .on(t.ownerId, t.closedAt, t.id, t.companyId, t.contactId, t.amount, t.pipelineId, t.sourceId)
      .where(sql`${t.status} = 'won'`),
    // Open deals' pipeline value and hygiene counts per owner by index-only scans (the hygiene
    // rules read the stage, the stored task counters and the last activity).
    index('deals_open_owner_figures_idx')
      .on(t.ownerId, t.stageId, t.status, t.amount, t.openTaskCount, t.nextTaskDueAt, t.lastActivityAt)
      .where(sql`${t.status} = 'open'`),
    index('deals_company_idx').on(t.companyId),
    index('deals_contact_idx').on(t.contactId),
    index('deals_lead_idx').on(t.leadId),
  ],
);

export const dealStageHistory = pgTable(
  'deal_stage_history',
  {
    id: id(),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    fromStageId: integer('from_stage_id').references(() => stages.id),
    toStageId: integer('to_stage_id')
      .notNull()
      .references(() => stages.id),
    changedBy: integer('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the deal left this stage: the changed_at of its next history row (null while it is
     * still here). Kept by the trigger deal_stage_history_close_stay (migration 0006) so time in
     * stage is a column read, not a window over the whole history; `npm run db:repair-summaries`
     * recomputes it.
     */
    leftAt: timestamp('left_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // Wide enough for index-only reads of a deal's stays (time in stage) and of the stage a lost
    // deal was lost from.
    index('deal_stage_history_deal_idx').on(t.dealId, t.changedAt, t.toStageId, t.leftAt, t.fromStageId),
    index('deal_stage_history_changed_idx').on(t.changedAt),
  ],
);
