import { sql, type SQL } from 'drizzle-orm';
import type { ChurnPlan } from './churn-plan';

/**
 * What the churn report's statement returns (churn-summary-query.ts and churn-wins-query.ts
 * build it two ways), and the parts both ways share. One statement, so one snapshot and one
 * round trip; the JSON columns carry money as text.
 */

/** One row per range (trend month, period, previous): clients active at its start, at its end, at both; revenue inside. */
export interface RangeRow {
  key: string;
  activeStart: number;
  activeEnd: number;
  activeBoth: number;
  won: string;
  new: string;
  returning: string;
}

/** Clients of cohort `cohort` (1-based trend month of their first win) with a win in trend month `month`. */
export interface CohortRow {
  cohort: number;
  month: number;
  clients: number;
}

export interface AtRiskRow {
  clientKind: 'company' | 'contact';
  clientId: number;
  name: string | null;
  ownerId: number | null;
  ownerName: string | null;
  lastWinOn: string;
  daysSinceLastWin: number;
  usualIntervalDays: number;
  wins: number;
  lifetimeAmount: string;
  valueAtRisk: string;
}

export interface ChurnRows {
  ranges: RangeRow[];
  cohorts: CohortRow[];
  atRisk: { clients: number; value: string };
  atRiskTop: AtRiskRow[];
}

export interface ChurnQueryOptions {
  windowDays: number;
  /** The organisation's today: the at-risk list is of this day, whatever the period. */
  today: string;
  atRiskLimit: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Literals are checked, so nothing foreign reaches the SQL text; constants let the planner see the ranges. */
export function dateLiteral(date: string): SQL {
  if (!ISO_DATE.test(date)) throw new Error(`not an ISO date: ${date}`);
  return sql.raw(`'${date}'::date`);
}

export function dateArrayLiteral(dates: string[]): SQL {
  for (const date of dates) if (!ISO_DATE.test(date)) throw new Error(`not an ISO date: ${date}`);
  return sql.raw(`'{${dates.join(',')}}'::date[]`);
}

export function intLiteral(value: number | null): SQL {
  if (value === null) return sql.raw('null');
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return sql.raw(String(value));
}

export function intArrayLiteral(values: number[]): SQL {
  for (const value of values) if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return sql.raw(`'{${values.join(',')}}'::integer[]`);
}

/**
 * `b`: the boundaries (t) and the trend months' starts (m); `ranges`: each range as the indexes
 * of its first and end boundary in t.
 */
export function planCtes(plan: ChurnPlan): SQL[] {
  const ranges = sql.join(
    plan.ranges.map((r) => sql`(${r.key}::text, ${intLiteral(r.fromIndex)}, ${intLiteral(r.toIndex)})`),
    sql`, `,
  );
  return [
    sql`b as (select ${dateArrayLiteral(plan.boundaries)} as t, ${dateArrayLiteral(plan.monthStarts)} as m)`,
    sql`ranges (key, a, z) as (values ${ranges})`,
  ];
}

/** Bit k − 1 of a mask stands for boundary k; `mask_of(lo, hi)` sets the bits of boundaries lo … hi. */
export const maskOf = (lo: SQL, hi: SQL) => sql`case when ${hi} >= ${lo} then (1::bigint << ${hi}) - (1::bigint << (${lo} - 1)) else 0::bigint end`;

/** Is boundary `index` (1-based) set in `mask`? */
export const hasBit = (mask: SQL, index: SQL) => sql`((${mask} >> (${index} - 1)) & 1) = 1`;

/**
 * The statement's result, from CTEs every builder provides: flows (key, active_start,
 * active_end, active_both), money (key, won, new), cohort (cohort, month, clients) and risk
 * (client_kind, client_id, last_win_on, wins, amount, usual_days, value_at_risk).
 */
export function resultSelect(options: ChurnQueryOptions): SQL {
  const today = dateLiteral(options.today);
  return sql`
    select
      (select json_agg(json_build_object('key', f.key, 'activeStart', f.active_start, 'activeEnd', f.active_end, 'activeBoth', f.active_both,
                                         'won', m.won::text, 'new', m.new::text, 'returning', (m.won - m.new)::text))
       from flows as f join money as m using (key)) as ranges,
      (select coalesce(json_agg(json_build_object('cohort', c.cohort, 'month', c.month, 'clients', c.clients)), '[]') from cohort as c) as cohorts,
      (select json_build_object('clients', count(*), 'value', round(coalesce(sum(r.value_at_risk), 0), 2)::text) from risk as r) as "atRisk",
      (select coalesce(json_agg(json_build_object(
                'clientKind', t.client_kind, 'clientId', t.client_id,
                'name', coalesce(co.name, concat_ws(' ', ct.last_name, ct.first_name, ct.middle_name)),
                'ownerId', u.id, 'ownerName', u.name, 'lastWinOn', t.last_win_on, 'daysSinceLastWin', ${today} - t.last_win_on,
                'usualIntervalDays', t.usual_days, 'wins', t.wins, 'lifetimeAmount', t.amount::text, 'valueAtRisk', t.value_at_risk::text)
              order by t.value_at_risk desc nulls last, t.client_kind, t.client_id), '[]')
       from (select * from risk order by value_at_risk desc nulls last, client_kind, client_id limit ${intLiteral(options.atRiskLimit)}) as t
       left join companies as co on t.client_kind = 'company' and co.id = t.client_id
       left join contacts as ct on t.client_kind = 'contact' and ct.id = t.client_id
       left join users as u on u.id = coalesce(co.owner_id, ct.owner_id)) as "atRiskTop"`;
}

/** At risk on `today`: past the usual interval, and active or lapsed within the last N days. */
export function riskWindow(options: ChurnQueryOptions): { today: SQL; oldest: SQL } {
  const today = dateLiteral(options.today);
  return { today, oldest: sql`${today} - ${intLiteral(2 * options.windowDays)}` };
}

/** postgres-js and PGlite both parse json columns; accept text too. */
export function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
