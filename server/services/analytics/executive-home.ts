import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '@/db/client';
import type { ServiceContext } from '../context';
import { hygieneCondition } from '../today/hygiene-rules';
import { loadWorkCalendar } from '../calendar/work-calendar';
import { homeClock, instant, type HomeClock } from './home-clock';
import { reportOwnerCondition } from './report-scope';
import { inReportTransaction, ratio } from './sales-report-base';

export const executiveHomeInput = z.object({ teamId: z.number().int().positive().optional() }).default({});

interface DateRange {
  from: string;
  to: string;
}

/**
 * The executive home (issue 7 §2): one phone screen of the figures a director checks first, each
 * opening the report or list behind it. Revenue is won deals' amounts in the organisation's
 * currency (as every report); "this month" is the organisation's calendar month so far.
 */
export interface ExecutiveHome {
  /** The team the figures cover (a head: the own one), null: the whole organisation. */
  teamId: number | null;
  month: DateRange;
  /** Share of this month passed, 0..1. */
  elapsed: number;
  revenue: {
    /** Won this month. */
    won: string;
    /** The month's revenue target for the scope (see monthTarget), null when none is set. */
    target: string | null;
    /** target × elapsed: where revenue would be now on a straight line to the target. */
    expectedByNow: string | null;
    /** won / expectedByNow: 1 = on pace. */
    pace: number | null;
    /** won / elapsed: the month's revenue if the pace holds. */
    projected: string | null;
    /** won + the open pipeline expected to close this month, weighted by stage probability (as the team's plan vs fact). */
    forecast: string;
    /** The month's working days on the production calendar: all, before today, from today on. */
    workingDays: { total: number; passed: number; left: number };
    lastYear: DateRange & { whole: string; sameDays: string };
  };
  winRate: {
    current: { won: number; lost: number; rate: number | null };
    previous: DateRange & { won: number; lost: number; rate: number | null };
  };
  pipeline: { deals: number; amount: string; weighted: string; byPipeline: { pipelineId: number; name: string; deals: number; amount: string; weighted: string }[] };
  /** The end-of-day hygiene counts (server/services/today/hygiene-rules.ts) per team, as the team board counts them. */
  hygiene: { teamId: number; name: string; unprocessed: number; withoutTask: number; overdueTask: number }[];
  /** Managers whose won revenue this month moved most against the previous month's same days. */
  movers: { ownerId: number; name: string; current: string; previous: string; change: string }[];
}

/** How many top movers the tile shows: what fits a phone screen. */
export const MOVERS = 3;

interface ClosedRow {
  kind: 'total' | 'mover';
  owner_id: number | null;
  name: string | null;
  won_amount: string;
  won: number;
  lost: number;
  prev_won: number;
  prev_lost: number;
  prev_same_days: string;
  ly_amount: string;
  ly_same_days: string;
  change: string;
  projected: string | null;
}

/**
 * Deals closed this month, last month and in the same month a year ago: first one cell per
 * (owner, status, slice of time) — one CASE per deal, read from an index-only scan — then per
 * owner, then the totals and the top movers (active users, by the size of the change).
 */
async function closedFigures(ctx: ServiceContext, clock: HomeClock, owners: SQL): Promise<ClosedRow[]> {
  const { month, previous, lastYear } = clock;
  const [ms, me, ps, psSame, lys, lysSame, lye] = [month.fromAt, month.toAt, previous.fromAt, previous.sameDaysAt, lastYear.fromAt, lastYear.sameDaysAt, lastYear.toAt].map(instant);
  const money = (column: string) => sql.raw(`coalesce(sum(${column}), 0)::numeric(16,2)::text`);
  const sums = sql`${money('won_amount')} as won_amount, coalesce(sum(won), 0)::int as won, coalesce(sum(lost), 0)::int as lost,
    coalesce(sum(prev_won), 0)::int as prev_won, coalesce(sum(prev_lost), 0)::int as prev_lost,
    ${money('prev_same_days')} as prev_same_days, ${money('ly_amount')} as ly_amount, ${money('ly_same_days')} as ly_same_days,
    (coalesce(sum(won_amount), 0) - coalesce(sum(prev_same_days), 0))::numeric(16,2)::text as change`;
  const won = (slices: string) => sql.raw(`sum(amount) filter (where status = 'won' and slice in (${slices}))`);
  const count = (status: string, slices: string) => sql.raw(`sum(deals) filter (where status = '${status}' and slice in (${slices}))`);
  return rowsOf<ClosedRow>(
    await ctx.db.execute(sql`
      with cells as (
        select owner_id, status,
               case when closed_at >= ${ms} then 'month'
                    when closed_at >= ${psSame} and closed_at < ${ms} then 'previous_rest'
                    when closed_at >= ${ps} then 'previous_same_days'
                    when closed_at >= ${lysSame} then 'last_year_rest'
                    else 'last_year_same_days' end as slice,
               count(*) as deals, sum(amount) as amount
        -- Two ranges of the closed-deals index, each scanned on its own (an OR of the two would
        -- read the whole index between them).
        from (
          select owner_id, status, closed_at, amount from deals
          where status <> 'open' and closed_at >= ${ps} and closed_at < ${me} and ${owners}
          union all
          select owner_id, status, closed_at, amount from deals
          where status <> 'open' and closed_at >= ${lys} and closed_at < ${lye} and ${owners}
        ) as deals
        group by 1, 2, 3
      ),
      per_owner as (
        select owner_id,
               ${won("'month'")} as won_amount,
               ${count('won', "'month'")} as won,
               ${count('lost', "'month'")} as lost,
               ${count('won', "'previous_same_days', 'previous_rest'")} as prev_won,
               ${count('lost', "'previous_same_days', 'previous_rest'")} as prev_lost,
               ${won("'previous_same_days'")} as prev_same_days,
               ${won("'last_year_same_days', 'last_year_rest'")} as ly_amount,
               ${won("'last_year_same_days'")} as ly_same_days
        from cells group by owner_id
      )
      select 'total' as kind, null::int as owner_id, null as name, ${sums},
             round(coalesce(sum(won_amount), 0) / nullif(${clock.elapsed}::float8, 0)::numeric, 2)::text as projected
      from per_owner
      union all
      (select 'mover', p.owner_id, u.name, ${sums}, null
       from per_owner p join users u on u.id = p.owner_id
       where u.is_active and coalesce(p.won_amount, 0) <> coalesce(p.prev_same_days, 0)
       group by p.owner_id, u.name
       order by abs(coalesce(sum(p.won_amount), 0) - coalesce(sum(p.prev_same_days), 0)) desc, u.name, p.owner_id
       limit ${MOVERS})`),
  );
}

/**
 * The month's revenue target for the scope. A team's own target stands for the team (its
 * managers' targets are how the head splits it, not more on top); a team without one counts the
 * sum of its members' targets; users in no team count their own. So nothing is counted twice.
 */
async function monthTarget(ctx: ServiceContext, month: string, teamId: number | null): Promise<string | null> {
  const teamFilter = teamId === null ? sql`true` : sql`t.id = ${teamId}`;
  const [row] = rowsOf<{ target: string | null }>(
    await ctx.db.execute(sql`
      with user_targets as (
        select u.team_id, tg.value from targets tg join users u on u.id = tg.user_id
        where tg.metric = 'revenue' and tg.month = ${month}::date and tg.user_id is not null
      ),
      per_team as (
        select coalesce(
                 (select tg.value from targets tg where tg.team_id = t.id and tg.metric = 'revenue' and tg.month = ${month}::date),
                 (select sum(ut.value) from user_targets ut where ut.team_id = t.id)) as value
        from teams t where ${teamFilter}
      ),
      teamless as (
        select sum(value) as value from user_targets where team_id is null and ${teamId === null ? sql`true` : sql`false`}
      )
      select (case when count(value) = 0 and (select value from teamless) is null then null
                   else coalesce(sum(value), 0) + coalesce((select value from teamless), 0) end)::numeric(16,2)::text as target
      from per_team`),
  );
  return row?.target ?? null;
}

/** Open deals expected to close this month, amount × their stage's probability. */
async function weightedDueThisMonth(ctx: ServiceContext, clock: HomeClock, owners: SQL): Promise<string> {
  const [row] = rowsOf<{ weighted: string }>(
    await ctx.db.execute(sql`
      select coalesce(round(sum(deals.amount * s.probability) / 100, 2), 0)::numeric(16,2)::text as weighted
      from deals join stages s on s.id = deals.stage_id
      where deals.status = 'open' and deals.expected_close_date >= ${clock.month.from}::date and deals.expected_close_date < ${clock.month.to}::date and ${owners}`),
  );
  return row?.weighted ?? '0.00';
}

interface OpenRow {
  kind: 'pipeline' | 'team';
  id: number | null;
  name: string | null;
  deals: number;
  amount: string;
  weighted: string;
  unprocessed: number;
  without_task: number;
  overdue_task: number;
}

/**
 * Open deals in one pass (an index-only scan): per owner and stage the count, the amount and the
 * hygiene rules' counts (hygiene-rules.ts). From those cells: per pipeline the amount and the
 * weighted amount (rounded per stage, as the snapshot does); per team the hygiene counts of its
 * active managers and heads, as the team screen's hygiene board counts them.
 */
async function openDealFigures(ctx: ServiceContext, owners: SQL, now: Date, teamId: number | null): Promise<OpenRow[]> {
  const rule = (group: Parameters<typeof hygieneCondition>[0]) => sql`count(*) filter (where ${hygieneCondition(group, now)})`;
  return rowsOf<OpenRow>(
    await ctx.db.execute(sql`
      with cells as (
        select owner_id, stage_id, count(*) as deals, sum(amount) as amount,
               ${rule('unprocessed')} as unprocessed, ${rule('withoutTask')} as without_task, ${rule('overdueTask')} as overdue_task
        from deals where status = 'open' and ${owners}
        group by owner_id, stage_id
      ),
      stage_figures as (
        select s.pipeline_id, sum(c.deals) as deals, sum(c.amount) as amount, round(sum(c.amount) * s.probability / 100, 2) as weighted
        from cells c join stages s on s.id = c.stage_id
        group by s.pipeline_id, s.id, s.probability
      )
      select 'pipeline' as kind, f.pipeline_id as id, p.name, sum(f.deals)::int as deals,
             sum(f.amount)::numeric(16,2)::text as amount, sum(f.weighted)::numeric(16,2)::text as weighted,
             0 as unprocessed, 0 as without_task, 0 as overdue_task
      from stage_figures f join pipelines p on p.id = f.pipeline_id
      group by grouping sets ((), (f.pipeline_id, p.name))
      union all
      select 'team', t.id, t.name, 0, null, null,
             coalesce(sum(c.unprocessed), 0)::int, coalesce(sum(c.without_task), 0)::int, coalesce(sum(c.overdue_task), 0)::int
      from teams t
      left join users u on u.team_id = t.id and u.is_active and u.role in ('manager', 'head')
      left join cells c on c.owner_id = u.id
      where ${teamId === null ? sql`true` : sql`t.id = ${teamId}`}
      group by t.id, t.name
      order by 1, 3 nulls first, 2`),
  );
}

/** The executive home's figures in one read transaction (a head: the own team; others: all, or the asked team). */
export async function executiveHome(ctx: ServiceContext, rawInput: z.input<typeof executiveHomeInput> = {}, options: { now?: Date } = {}): Promise<ExecutiveHome> {
  const input = executiveHomeInput.parse(rawInput);
  const owners = reportOwnerCondition(ctx.actor, input, sql`deals.owner_id`);
  const teamId = ctx.actor.role === 'head' ? ctx.actor.teamId : (input.teamId ?? null);
  const now = options.now ?? new Date();
  const { clock, closed, target, open, due, calendar } = await inReportTransaction(ctx, async (tx) => {
    const clock = await homeClock(tx, now);
    return {
      clock,
      closed: await closedFigures(tx, clock, owners),
      target: await monthTarget(tx, clock.month.from, teamId),
      open: await openDealFigures(tx, owners, now, teamId),
      due: await weightedDueThisMonth(tx, clock, owners),
      calendar: await loadWorkCalendar(tx.db, clock.month.from, clock.month.to),
    };
  });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: clock.timeZone }).format(now);
  const workingTotal = calendar.workingDaysBetween(clock.month.from, clock.month.to);
  const workingPassed = calendar.workingDaysBetween(clock.month.from, today < clock.month.to ? today : clock.month.to);
  const total = closed.find((r) => r.kind === 'total')!;
  const expectedByNow = target === null ? null : (Math.round(Number(target) * clock.elapsed * 100) / 100).toFixed(2);
  const pipelines = open.filter((r) => r.kind === 'pipeline');
  const pipelineTotal = pipelines.find((p) => p.id === null);
  return {
    teamId,
    month: { from: clock.month.from, to: clock.month.to },
    elapsed: clock.elapsed,
    revenue: {
      won: total.won_amount,
      target,
      expectedByNow,
      pace: expectedByNow === null ? null : ratio(Number(total.won_amount), Number(expectedByNow)),
      projected: total.projected,
      forecast: (Math.round((Number(total.won_amount) + Number(due)) * 100) / 100).toFixed(2),
      workingDays: { total: workingTotal, passed: workingPassed, left: workingTotal - workingPassed },
      lastYear: { from: clock.lastYear.from, to: clock.lastYear.to, whole: total.ly_amount, sameDays: total.ly_same_days },
    },
    winRate: {
      current: { won: total.won, lost: total.lost, rate: ratio(total.won, total.won + total.lost) },
      previous: { from: clock.previous.from, to: clock.previous.to, won: total.prev_won, lost: total.prev_lost, rate: ratio(total.prev_won, total.prev_won + total.prev_lost) },
    },
    pipeline: {
      deals: pipelineTotal?.deals ?? 0,
      amount: pipelineTotal?.amount ?? '0.00',
      weighted: pipelineTotal?.weighted ?? '0.00',
      byPipeline: pipelines
        .filter((p) => p.id !== null)
        .map((p) => ({ pipelineId: p.id!, name: p.name!, deals: p.deals, amount: p.amount, weighted: p.weighted })),
    },
    hygiene: open
      .filter((r) => r.kind === 'team')
      .map((h) => ({ teamId: h.id!, name: h.name!, unprocessed: h.unprocessed, withoutTask: h.without_task, overdueTask: h.overdue_task })),
    movers: closed
      .filter((r) => r.kind === 'mover')
      .map((r) => ({
        ownerId: r.owner_id!,
        name: r.name!,
        current: r.won_amount,
        previous: r.prev_same_days,
        change: r.change,
      })),
  };
}
