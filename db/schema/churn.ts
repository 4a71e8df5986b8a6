import { boolean, check, customType, date, index, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Summary tables of the churn report (DESIGN.md §5, §7). A *client* is a company, or a contact on
 * deals without a company (deals.company_id, else deals.contact_id). A client is *active* on an
 * org-local day D (at its start) when it has a won deal on one of the N days before D
 * (N = organisation.churn_window_days): a win on day w makes it active on days w+1 … w+N.
 *
 * Every table holds each figure twice over: for the whole organisation (team_id = 0) and for each
 * team (team_id = the team: only the won deals owned by its current members — what a head's
 * report counts). All four are derived from won deals only and kept current in the same
 * transaction as every change of a deal's status, closed_at, amount, client or owner, and of a
 * user's team (row triggers, whatever code path writes them); a change of N or of the
 * organisation's time zone rebuilds them. The SQL functions and triggers live in the migration
 * that creates the tables (churn_* functions), and `npm run db:repair-summaries` rebuilds them.
 * No foreign keys: the rows are derived data.
 */

/** A PostgreSQL datemultirange, read and written as its text form, e.g. `{[2026-01-02,2026-07-01)}`. */
const dateMultirange = customType<{ data: string; driverData: string }>({ dataType: () => 'datemultirange' });

const CLIENT_KIND = sql.raw(`client_kind in ('company', 'contact')`);

/** 0: the whole organisation; otherwise a team, counting the won deals its members own. */
const teamId = () => integer('team_id').notNull();

/**
 * One *active spell* of a client: a run of wins less than N + 1 days apart, so that the client
 * stays active without a break from the day after the first win to `active_until` (last win + N).
 * Each row also carries the client's history up to the spell (to compute "active earlier" and the
 * usual repurchase interval without reading deals).
 */
export const clientActiveSpells = pgTable(
  'client_active_spells',
  {
    teamId: teamId(),
    clientKind: text('client_kind', { enum: ['company', 'contact'] }).notNull(),
    clientId: integer('client_id').notNull(),
    /** 1, 2, … in time order per client. */
    spellNo: integer('spell_no').notNull(),
    firstWinOn: date('first_win_on').notNull(),
    lastWinOn: date('last_win_on').notNull(),
    /** last_win_on + N: the last day the client is active in this spell. */
    activeUntil: date('active_until').notNull(),
    /** The days the client was active in its earlier spells ([first + 1, until + 1) each): for "active at a date" checks. */
    earlier: dateMultirange('earlier').notNull().default(sql`'{}'::datemultirange`),
    wins: integer('wins').notNull(),
    wonAmount: numeric('won_amount', { precision: 16, scale: 2 }).notNull(),
    /** Spell 1 only: the amount of the client's first won deal (new revenue). */
    firstDealAmount: numeric('first_deal_amount', { precision: 14, scale: 2 }),
    clientFirstWinOn: date('client_first_win_on').notNull(),
    /** Wins and won amount of the client up to the end of this spell (on the last spell: lifetime). */
    winsToDate: integer('wins_to_date').notNull(),
    amountToDate: numeric('amount_to_date', { precision: 16, scale: 2 }).notNull(),
    isLast: boolean('is_last').notNull(),
    /**
     * Last spell with at least two win days: the first day the client is past its usual repurchase
     * interval, (last win − first win) / (wins − 1) days after the last win. Null otherwise.
     */
    overdueFrom: date('overdue_from'),
    /** Where overdue_from is set: the client's average won deal, the worth of the purchase that is overdue. */
    valueAtRisk: numeric('value_at_risk', { precision: 14, scale: 2 }),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.clientKind, t.clientId, t.spellNo] }),
    check('client_active_spells_kind_check', CLIENT_KIND),
    // A refresh reads one client's rows of every scope.
    index('client_active_spells_client_idx').on(t.clientId, t.clientKind),
    // The at-risk list from the indexes alone: how many and how much (by overdue_from), and the
    // most valuable first (by value, stopping at the list's length).
    index('client_active_spells_overdue_idx')
      .on(t.teamId, t.overdueFrom, t.lastWinOn, t.valueAtRisk)
      .where(sql`${t.isLast} and ${t.overdueFrom} is not null`),
    index('client_active_spells_risk_value_idx')
      .on(t.teamId, t.valueAtRisk.desc(), t.clientKind, t.clientId, t.overdueFrom, t.lastWinOn, t.clientFirstWinOn, t.winsToDate, t.amountToDate)
      .where(sql`${t.isLast} and ${t.overdueFrom} is not null`),
  ],
);

/** The wins of one client in one org-local calendar month (the cohort table). */
export const clientWinMonths = pgTable(
  'client_win_months',
  {
    teamId: teamId(),
    clientKind: text('client_kind', { enum: ['company', 'contact'] }).notNull(),
    clientId: integer('client_id').notNull(),
    /** The first day of the month. */
    month: date('month').notNull(),
    wins: integer('wins').notNull(),
    wonAmount: numeric('won_amount', { precision: 16, scale: 2 }).notNull(),
    /** The first and last win days within the month (a period may cut a month). */
    firstWinOn: date('first_win_on').notNull(),
    lastWinOn: date('last_win_on').notNull(),
    clientFirstWinOn: date('client_first_win_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.clientKind, t.clientId, t.month] }),
    check('client_win_months_kind_check', CLIENT_KIND),
    index('client_win_months_client_idx').on(t.clientId, t.clientKind),
  ],
);

/**
 * Spells counted by the months they start and end in, and the month starts the client was
 * active at in earlier spells: exactly what decides "active at the start of a month". The report
 * of the organisation or a team over whole months reads these few hundred rows instead of every
 * spell. Rows whose count falls to zero are deleted, so the table equals a recompute exactly.
 */
export const churnSpellMonths = pgTable(
  'churn_spell_months',
  {
    teamId: teamId(),
    /** date_trunc('month', first_win_on) and date_trunc('month', active_until). */
    firstMonth: date('first_month').notNull(),
    untilMonth: date('until_month').notNull(),
    /** The month starts (first days of months) covered by the client's earlier spells: [first, last] per spell, merged. */
    earlierMonths: dateMultirange('earlier_months').notNull(),
    spells: integer('spells').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.firstMonth, t.untilMonth, t.earlierMonths] })],
);

/**
 * Cohorts by first-win month: per cohort and calendar month, how many of its clients won a deal
 * in that month and for how much, and (in the cohort's own month) the amount of their first deals.
 * Rows whose client count falls to zero are deleted.
 */
export const churnCohortCells = pgTable(
  'churn_cohort_cells',
  {
    teamId: teamId(),
    cohortMonth: date('cohort_month').notNull(),
    month: date('month').notNull(),
    clients: integer('clients').notNull(),
    wonAmount: numeric('won_amount', { precision: 16, scale: 2 }).notNull(),
    newAmount: numeric('new_amount', { precision: 16, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.cohortMonth, t.month] })],
);
