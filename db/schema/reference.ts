import { boolean, check, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, money, timestamps, versioned } from './columns';

/** Admin-editable lists share one shape: a stable code, names in both UI languages, order, archive flag. */
const referenceColumns = () => ({
  id: id(),
  code: text('code').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  isArchived: boolean('is_archived').notNull().default(false),
  ...timestamps,
  ...versioned,
});

export const leadSources = pgTable(
  'lead_sources',
  { ...referenceColumns(), monthlyCost: money('monthly_cost') },
  (t) => [
    uniqueIndex('lead_sources_code_unique').on(t.code),
    check('lead_sources_cost_check', sql`${t.monthlyCost} is null or ${t.monthlyCost} >= 0`),
  ],
);

/** The "rejection stages" of leads. */
export const junkReasons = pgTable('junk_reasons', referenceColumns(), (t) => [
  uniqueIndex('junk_reasons_code_unique').on(t.code),
]);

export const lossReasons = pgTable('loss_reasons', referenceColumns(), (t) => [
  uniqueIndex('loss_reasons_code_unique').on(t.code),
]);

/** Kinds of deal (new sale, repeat sale, service contract…): chosen on a deal, reported on. */
export const dealTypes = pgTable('deal_types', referenceColumns(), (t) => [
  uniqueIndex('deal_types_code_unique').on(t.code),
]);
