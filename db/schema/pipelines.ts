import { boolean, check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps, versioned } from './columns';
import { STAGE_KINDS } from './enums';
export { STAGE_KINDS, type StageKind } from './enums';

/** "Directions": product lines or regions, each with its own ordered stages. */
export const pipelines = pgTable('pipelines', {
  id: id(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  isArchived: boolean('is_archived').notNull().default(false),
  ...timestamps,
  ...versioned,
});

export const stages = pgTable(
  'stages',
  {
    id: id(),
    pipelineId: integer('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    kind: text('kind', { enum: STAGE_KINDS }).notNull(),
    probability: integer('probability').notNull().default(0),
    /** A removed stage that deal histories still point to: kept for reports, hidden everywhere else. */
    isArchived: boolean('is_archived').notNull().default(false),
    /** The task an owner gets when a deal enters this stage without an open task (null: none). */
    defaultTaskSubject: text('default_task_subject'),
    defaultTaskDueHours: integer('default_task_due_hours').notNull().default(24),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('stages_pipeline_order_unique').on(t.pipelineId, t.sortOrder),
    // Every pipeline has exactly one won and one lost stage: at most one here, at least one by the service.
    uniqueIndex('stages_one_won_per_pipeline').on(t.pipelineId).where(sql`${t.kind} = 'won'`),
    uniqueIndex('stages_one_lost_per_pipeline').on(t.pipelineId).where(sql`${t.kind} = 'lost'`),
    index('stages_pipeline_idx').on(t.pipelineId),
    check('stages_kind_check', sql`${t.kind} in ('open', 'won', 'lost')`),
    check('stages_probability_check', sql`${t.probability} between 0 and 100`),
    check('stages_default_task_due_check', sql`${t.defaultTaskDueHours} between 0 and 720`),
  ],
);
