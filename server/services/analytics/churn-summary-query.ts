import { sql, type SQL } from 'drizzle-orm';
import type { ChurnPlan } from './churn-plan';
import { dateLiteral, hasBit, intLiteral, maskOf, planCtes, resultSelect, riskWindow, type ChurnQueryOptions } from './churn-query';

/**
 * The whole organisation (team 0) or a whole team over whole months, from the summaries
 * (db/schema/churn.ts): a few hundred rows of churn_spell_months and churn_cohort_cells, and the
 * at-risk clients from the index of client_active_spells. Exact because every boundary is a month start: a spell counted
 * under (first_month, until_month) is active at the start of month m exactly when
 * first_month < m <= until_month.
 */
export function summaryStatement(plan: ChurnPlan, teamId: number, options: ChurnQueryOptions): SQL {
  if (!plan.wholeMonths) throw new Error('the churn summaries answer whole months only');
  const team = intLiteral(teamId);
  const { window } = plan.trend;
  const [first, last] = [dateLiteral(plan.boundaries[0]!), dateLiteral(plan.boundaries.at(-1)!)];
  const { today, oldest } = riskWindow(options);
  const lo = sql`(width_bucket(s.first_month, b.t) + 1)`;
  const hi = sql`width_bucket(s.until_month, b.t)`;
  const ctes = [
    ...planCtes(plan),
    // Spells by the boundaries they are active at, and those their clients were active at before.
    sql`hist as (
      select ${lo} as lo, ${hi} as hi,
             case when isempty(s.earlier_months) then 0::bigint else (
               select coalesce(bit_or(${maskOf(sql`e.lo`, sql`e.hi`)}), 0)
               from (select width_bucket(lower(r) - 1, b.t) + 1 as lo, width_bucket(upper(r) - 1, b.t) as hi from unnest(s.earlier_months) as r) as e
             ) end as earlier_mask,
             sum(s.spells)::int as n
      from churn_spell_months as s, b
      where s.team_id = ${team} and s.until_month >= ${first} and s.first_month < ${last}
      group by 1, 2, 3
    )`,
    // A client's spells never overlap, so a client active at z through a spell active at a, or
    // through an earlier spell active at a, is counted once.
    sql`flows as (
      select r.key,
             coalesce(sum(h.n) filter (where h.lo <= r.a and r.a <= h.hi), 0)::int as active_start,
             coalesce(sum(h.n) filter (where h.lo <= r.z and r.z <= h.hi), 0)::int as active_end,
             coalesce(sum(h.n) filter (where h.lo <= r.z and r.z <= h.hi and (h.lo <= r.a or ${hasBit(sql`h.earlier_mask`, sql`r.a`)})), 0)::int as active_both
      from ranges as r left join hist as h on true
      group by r.key
    )`,
    sql`money as (
      select r.key, round(coalesce(sum(c.won_amount), 0), 2) as won, round(coalesce(sum(c.new_amount), 0), 2) as new
      from ranges as r cross join b
      left join churn_cohort_cells as c on c.team_id = ${team} and c.month >= b.t[r.a] and c.month < b.t[r.z]
      group by r.key
    )`,
    sql`cohort as (
      select width_bucket(c.cohort_month, b.m) as cohort, width_bucket(c.month, b.m) as month, sum(c.clients)::int as clients
      from churn_cohort_cells as c, b
      where c.team_id = ${team} and c.cohort_month >= ${dateLiteral(window.from)} and c.cohort_month < ${dateLiteral(window.to)} and c.month < ${dateLiteral(window.to)}
      group by 1, 2
    )`,
    // Not materialized: the totals and the top of the list each take their own index.
    sql`risk as not materialized (
      select s.client_kind, s.client_id, s.last_win_on, s.wins_to_date as wins, s.amount_to_date as amount,
             (s.last_win_on - s.client_first_win_on)::float8 / (s.wins_to_date - 1) as usual_days, s.value_at_risk
      from client_active_spells as s
      where s.team_id = ${team} and s.is_last and s.overdue_from <= ${today} and s.overdue_from > ${oldest} and s.last_win_on >= ${oldest}
    )`,
  ];
  return sql`with ${sql.join(ctes, sql`, `)} ${resultSelect(options)}`;
}
