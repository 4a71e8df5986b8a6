import { sql, type SQL } from 'drizzle-orm';
import type { ChurnPlan } from './churn-plan';
import { dateLiteral, hasBit, intArrayLiteral, intLiteral, maskOf, planCtes, resultSelect, riskWindow, type ChurnQueryOptions } from './churn-query';

/** What narrows the won deals: owners (a team or a manager; null: everyone), pipeline, source. */
export interface ChurnScope {
  /** The owners are exactly a team's members (no manager filter): the team's summaries apply. */
  teamId: number | null;
  ownerIds: number[] | null;
  pipelineId: number | null;
  sourceId: number | null;
}

/**
 * The report straight from the won deals in scope (churn_client_wins, the function the summaries
 * are built from), one group per client: for a manager (their won deals come from an index
 * alone), a pipeline or a source, and for the organisation or a team when a period does not start
 * on a month. A win on day w makes its client active at the boundaries in (w, w + N]; a client's
 * activity is the union of its wins' (a bit mask over the boundaries).
 */
export function winsStatement(plan: ChurnPlan, scope: ChurnScope, timeZone: string, options: ChurnQueryOptions): SQL {
  const { window } = plan.trend;
  const [from, to] = [dateLiteral(window.from), dateLiteral(window.to)];
  const [first, last] = [dateLiteral(plan.boundaries[0]!), dateLiteral(plan.boundaries.at(-1)!)];
  const days = intLiteral(options.windowDays);
  const { today, oldest } = riskWindow(options);
  const owners = scope.ownerIds === null ? sql.raw('null') : intArrayLiteral(scope.ownerIds);
  // Literal arguments let PostgreSQL inline the function and use the owners' index.
  const wins = sql`churn_client_wins(${timeZone}, ${owners}, ${intLiteral(scope.pipelineId)}, ${intLiteral(scope.sourceId)}, null, null)`;
  const winMask = maskOf(sql`(width_bucket(w.won_on, b.t) + 1)`, sql`width_bucket(w.won_on + ${days}, b.t)`);
  const ctes = [
    ...planCtes(plan),
    sql`wins as materialized (select w.* from ${wins} as w)`,
    sql`clients as (
      select w.client_kind, w.client_id,
             bit_or(${winMask}) as active_mask,
             bit_or(case when w.won_on >= ${from} and w.won_on < ${to} then 1::bigint << (width_bucket(w.won_on, b.m) - 1) else 0::bigint end) as month_mask,
             min(w.won_on) as first_on, max(w.won_on) as last_on, count(*)::int as wins, sum(w.amount) as amount,
             -- the first won deal's amount: arrays compare element by element (a hash aggregate, no sort)
             (min(array[extract(epoch from w.closed_at), w.deal_id, w.amount]))[3] as first_amount
      from wins as w, b
      group by w.client_kind, w.client_id
    )`,
    sql`masks as (select active_mask, count(*)::int as n from clients where active_mask <> 0 group by 1)`,
    sql`flows as (
      select r.key,
             coalesce(sum(k.n) filter (where ${hasBit(sql`k.active_mask`, sql`r.a`)}), 0)::int as active_start,
             coalesce(sum(k.n) filter (where ${hasBit(sql`k.active_mask`, sql`r.z`)}), 0)::int as active_end,
             coalesce(sum(k.n) filter (where ${hasBit(sql`k.active_mask`, sql`r.a`)} and ${hasBit(sql`k.active_mask`, sql`r.z`)}), 0)::int as active_both
      from ranges as r left join masks as k on true
      group by r.key
    )`,
    sql`buckets as (
      select width_bucket(x.on_day, b.t) as i, sum(x.won) as won, sum(x.new) as new
      from (select w.won_on as on_day, w.amount as won, 0::numeric as new from wins as w where w.won_on >= ${first} and w.won_on < ${last}
            union all
            select c.first_on, 0, c.first_amount from clients as c where c.first_on >= ${first} and c.first_on < ${last}) as x, b
      group by 1
    )`,
    sql`money as (
      select r.key, round(coalesce(sum(k.won), 0), 2) as won, round(coalesce(sum(k.new), 0), 2) as new
      from ranges as r left join buckets as k on k.i >= r.a and k.i < r.z
      group by r.key
    )`,
    sql`cohort as (
      select g.cohort, m.month, sum(g.n)::int as clients
      from (select width_bucket(c.first_on, b.m) as cohort, c.month_mask, count(*) as n
            from clients as c, b where c.first_on >= ${from} and c.first_on < ${to} group by 1, 2) as g
      cross join generate_series(1, ${intLiteral(plan.monthStarts.length)}) as m(month)
      where ${hasBit(sql`g.month_mask`, sql`m.month`)}
      group by 1, 2
    )`,
    sql`risk as (
      select c.client_kind, c.client_id, c.last_on as last_win_on, c.wins, c.amount,
             (c.last_on - c.first_on)::float8 / (c.wins - 1) as usual_days,
             round(c.amount / c.wins, 2) as value_at_risk
      from clients as c
      where c.wins >= 2 and c.last_on > c.first_on and c.last_on >= ${oldest}
        and (${today} - c.last_on)::numeric > (c.last_on - c.first_on)::numeric / (c.wins - 1)
    )`,
  ];
  return sql`with ${sql.join(ctes, sql`, `)} ${resultSelect(options)}`;
}
