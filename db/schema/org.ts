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
    /** The seller's requisites printed on offers and invoices (all optional). */
    inn: text('inn'),
    kpp: text('kpp'),
    ogrn: text('ogrn'),
    legalAddress: text('legal_address'),
    bankName: text('bank_name'),
    bankBik: text('bank_bik'),
    bankAccount: text('bank_account'),
    bankCorrAccount: text('bank_corr_account'),
    phone: text('phone'),
    email: text('email'),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    check('organisation_singleton', sql`${t.id} = 1`),
    check('organisation_churn_window_range', sql`${t.churnWindowDays} between 7 and 1095`),
    check('organisation_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('organisation_first_task_delay_check', sql`${t.firstTaskDelayMinutes} >= 0`),
    check('organisation_lead_sla_check', sql`${t.leadResponseSlaMinutes} > 0`),
    check('organisation_inn_check', sql`${t.inn} is null or ${t.inn} ~ '^([0-9]{10}|[0-9]{12})$'`),
    check('organisation_bik_check', sql`${t.bankBik} is null or ${t.bankBik} ~ '^[0-9]{9}$'`),
    check('organisation_accounts_check', sql`(${t.bankAccount} is null or ${t.bankAccount} ~ '^[0-9]{20}$') and (${t.bankCorrAccount} is null or ${t.bankCorrAccount} ~ '^[0-9]{20}$')`),
  ],
);
