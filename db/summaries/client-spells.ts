import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../client';
import type { SummaryTable } from './summary';

/**
 * The churn summaries (db/schema/churn.ts) against a recompute from the won deals, with the
 * organisation's current churn window and time zone. Each statement counts the rows that differ
 * (in the table and not in the recompute, and the other way round); the per-client tables are
 * compared with the SQL functions that build them (the organisation and every team), the
 * aggregates with a count over the per-client tables (so together: with a count over the deals).
 */
const DAYS = `(select coalesce(max(churn_window_days), 180) from organisation where id = 1)`;
const TIME_ZONE = `(select coalesce(max(time_zone), 'Europe/Moscow') from organisation where id = 1)`;

const difference = (table: string, recompute: string) => `with r as materialized (${recompute}) select (
  (select count(*) from (select * from ${table} except all select * from r) as extra) +
  (select count(*) from (select * from r except all select * from ${table}) as missing))::int as n`;

/** Every won deal, for the organisation and for its owner's team (churn_scoped_wins). */
const WINS = `(select coalesce(array_agg(w), '{}') from churn_scoped_wins(${TIME_ZONE}) as w)`;

export const CLIENT_SPELL_CHECKS: { id: string; table: string; sql: string }[] = [
  { id: 'churn-spells', table: 'client_active_spells', sql: difference('client_active_spells', `select * from churn_spells_of(${DAYS}, ${WINS})`) },
  { id: 'churn-win-months', table: 'client_win_months', sql: difference('client_win_months', `select * from churn_win_months_of(${WINS})`) },
  { id: 'churn-spell-months', table: 'churn_spell_months', sql: difference('churn_spell_months', 'select * from churn_spell_month_counts()') },
  { id: 'churn-cohort-cells', table: 'churn_cohort_cells', sql: difference('churn_cohort_cells', 'select * from churn_cohort_counts()') },
];

/** Rows of the churn summaries that differ from a recompute (0 when they are right). */
export async function clientSpellDifferences(db: Database): Promise<number> {
  let differing = 0;
  for (const check of CLIENT_SPELL_CHECKS) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql.raw(check.sql)));
    differing += Number(row?.n ?? 0);
  }
  return differing;
}

/**
 * The churn report's summaries: client_active_spells, client_win_months and the org-wide
 * churn_spell_months and churn_cohort_cells, rebuilt together by churn_rebuild() (the migration's
 * SQL function, which locks them against the row triggers meanwhile).
 */
export const clientSpellsSummary: SummaryTable = {
  name: 'churn summaries (client_active_spells, client_win_months, churn_spell_months, churn_cohort_cells)',
  async rebuild(db) {
    await db.execute(sql`lock table client_active_spells, client_win_months, churn_spell_months, churn_cohort_cells in exclusive mode`);
    const differing = await clientSpellDifferences(db);
    await db.execute(sql`select churn_rebuild()`);
    return differing;
  },
};

export const CLIENT_SPELL_TABLES = ['client_active_spells', 'client_win_months', 'churn_spell_months', 'churn_cohort_cells'] as const;

/** The triggers that keep the summaries current row by row: off for a bulk load, then a rebuild. */
const DEAL_TRIGGERS = ['deals_churn_insert', 'deals_churn_update', 'deals_churn_delete'];
export const SUSPEND_CLIENT_SPELLS_SQL = DEAL_TRIGGERS.map((name) => `alter table deals disable trigger ${name}`);
export const RESUME_CLIENT_SPELLS_SQL = [...DEAL_TRIGGERS.map((name) => `alter table deals enable trigger ${name}`), 'select churn_rebuild()'];
