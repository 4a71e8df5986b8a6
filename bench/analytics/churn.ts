import { sql, type SQL } from 'drizzle-orm';
import { churnReport } from '@/server/services/analytics/churn';
import type { BenchScope, ReportBenchCase } from './case';

/**
 * Churn over 12 whole past months, by hand from the won deals (no summary tables): one pass
 * groups the won deals in scope per client — a bit per month start at which the client is active
 * (a win on day w covers the starts in (w, w + N]), first and last win, count, lifetime amount,
 * first deal's amount, months with wins — then the monthly flows, the period and the previous
 * one, revenue new vs returning, the cohort cells and the 200 most valuable clients at risk.
 */
export const churnCase: ReportBenchCase = {
  report: 'churn',
  run: (ctx, filters) => churnReport(ctx, filters),
  handWritten(scope: BenchScope): SQL[] {
    const team: SQL = scope.teamId === null ? sql`true` : sql`d.owner_id in (select id from users where team_id = ${scope.teamId})`;
    const from = sql`${scope.from}::date`;
    const to = sql`${scope.to}::date`;
    // 25 month starts: the previous 12 months, the 12 measured, and the end. Bit k − 1 = start k.
    const starts = sql`array(select g::date from generate_series(${from} - interval '12 months', ${to}::timestamp, interval '1 month') as g)`;
    const days = sql`(select coalesce(max(churn_window_days), 180) from organisation where id = 1)`;
    const today = sql`(now() at time zone ${scope.timeZone})::date`;
    // One statement: the per-client pass is computed once and read by every figure.
    return [
      sql`with b as (select ${starts} as t, ${days} as n),
          w as materialized (
            select d.company_id is null as is_contact, coalesce(d.company_id, d.contact_id) as client, d.id, d.closed_at,
                   (d.closed_at at time zone ${scope.timeZone})::date as day, d.amount
            from deals d where d.status = 'won' and coalesce(d.company_id, d.contact_id) is not null and ${team}
          ),
          c as materialized (
            select w.is_contact, w.client,
                   bit_or(case when width_bucket(w.day + b.n, b.t) > width_bucket(w.day, b.t)
                               then (1::bigint << width_bucket(w.day + b.n, b.t)) - (1::bigint << width_bucket(w.day, b.t)) else 0 end) as active,
                   bit_or(case when w.day >= ${from} and w.day < ${to} then 1::bigint << (width_bucket(w.day, b.t) - 13) else 0 end) as months,
                   min(w.day) as first_day, max(w.day) as last_day, count(*) as wins, sum(w.amount) as amount,
                   (min(array[extract(epoch from w.closed_at), w.id, w.amount]))[3] as first_amount
            from w, b group by w.is_contact, w.client
          ),
          -- Active at start / end / both of each month, the period (13 → 25) and the previous one (1 → 13).
          m as (select active, count(*) as n from c where active <> 0 group by 1),
          r as (select k as a, k + 1 as z from generate_series(13, 24) k union all values (13, 25), (1, 13)),
          flows as (
            select r.a, r.z, sum(n) filter (where (active >> (r.a - 1)) & 1 = 1) as at_start,
                   sum(n) filter (where (active >> (r.z - 1)) & 1 = 1) as at_end,
                   sum(n) filter (where (active >> (r.a - 1)) & 1 = 1 and (active >> (r.z - 1)) & 1 = 1) as both_ends
            from r cross join m group by r.a, r.z
          ),
          -- Revenue per month of the 24, and the first deals' part of it.
          won as (select date_trunc('month', day) as month, sum(amount) as amount from w where day >= ${from} - interval '12 months' and day < ${to} group by 1),
          first_deals as (select date_trunc('month', first_day) as month, sum(first_amount) as amount from c where first_day >= ${from} - interval '12 months' and first_day < ${to} group by 1),
          revenue as (select won.month, won.amount, coalesce(first_deals.amount, 0) as new_amount from won left join first_deals using (month)),
          cohorts as (
            select date_trunc('month', first_day) as cohort, k as month, count(*) as clients
            from c, generate_series(0, 11) as k
            where first_day >= ${from} and first_day < ${to} and (months >> k) & 1 = 1
            group by 1, 2
          ),
          risk as (
            select is_contact, client, last_day, wins, amount, (last_day - first_day)::float8 / (wins - 1) as usual, round(amount / wins, 2) as value
            from c
            where wins >= 2 and last_day > first_day and last_day >= ${today} - 2 * ${days}
              and (${today} - last_day)::numeric > (last_day - first_day)::numeric / (wins - 1)
          ),
          top as (
            select t.*, coalesce(co.name, ct.last_name || ' ' || ct.first_name) as name, u.name as owner
            from (select * from risk order by value desc, is_contact, client limit 200) as t
            left join companies co on not t.is_contact and co.id = t.client
            left join contacts ct on t.is_contact and ct.id = t.client
            left join users u on u.id = coalesce(co.owner_id, ct.owner_id)
          )
          select (select json_agg(flows) from flows), (select json_agg(revenue) from revenue), (select json_agg(cohorts) from cohorts),
                 (select count(*) from risk), (select sum(value) from risk), (select json_agg(top) from top)`,
    ];
  },
};
