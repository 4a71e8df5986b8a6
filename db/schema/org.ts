import { check, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { timestamps, versioned } from './columns';

/** The single organisation this installation serves (row id = 1): its settings. */
export const organisation = pgTable(
  'organisation',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Moscow'),
    currency: text('currency').notNull().default('RUB'),
    /** N of the churn report: a client is active while its last win is at most N days old (7 … 1095). */
    churnWindowDays: integer('churn_window_days').notNull().default(180),
    firstTaskDelayMinutes: integer('first_task_delay_minutes').notNull().default(15),
    /** A distributed lead untouched this long goes to the next manager and its head is told. */
    leadResponseSlaMinutes: integer('lead_response_sla_minutes').notNull().default(30),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    check('organisation_singleton', sql`${t.id} = 1`),
    check('organisation_churn_window_range', sql`${t.churnWindowDays} between 7 and 1095`),
    check('organisation_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('organisation_first_task_delay_check', sql`${t.firstTaskDelayMinutes} >= 0`),
    check('organisation_lead_sla_check', sql`${t.leadResponseSlaMinutes} > 0`),
  ],
);
