/**
 * The activity report's statements. They read the summary tables activity_daily and
 * lead_response_daily (db/schema/activity-summaries.ts), never the millions of activity and lead
 * rows, except for the one thing a daily summary cannot know: which of today's open tasks are
 * already past their due moment (a range of the open-tasks index, per owner).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { RESPONSE_BAND_COLUMNS } from '@/lib/analytics/response-bands';
import type { ServiceContext } from '../context';
import type { DateRange, ReportPeriod } from './report-filters';

/** What every statement needs: whose rows (a condition on `owner_id`), today, now. */
export interface ActivityQueryScope {
  /** Condition on a column named owner_id (scope + team + manager filters). */
  owners: (column: SQL) => SQL;
  /** The organisation's today (ISO date) and the instant it began; the moment of the report. */
  today: string;
  todayStart: Date;
  now: Date;
}

export interface ActivityCellRow {
  /** Which breakdown the row belongs to (see ACTIVITY_SET). */
  g: number;
  owner_id: number | null;
  day: string | null;
  week: string | null;
  calls: number;
  calls_in: number;
  calls_out: number;
  talk_seconds: number;
  meetings: number;
  emails: number;
  tasks_done: number;
  planned_due: number;
  overdue: number;
}

/** The breakdowns of activityCells: grouping(owner_id, day) bits for the first two. */
export const ACTIVITY_SET = { owner: 1, day: 2, week: 3, total: 4, previous: 5 } as const;

const instant = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Open planned activities due today whose due moment has passed, per owner: the one part of
 * "overdue" that changes with the clock. One range of activities_owner_open_due_idx per owner.
 */
function liveOverdueToday(scope: ActivityQueryScope): SQL {
  return sql`
    select u.id as owner_id, t.n
    from users u
    cross join lateral (
      select count(*)::int as n from activities a
      where a.owner_id = u.id and a.done_at is null and a.due_at >= ${instant(scope.todayStart)} and a.due_at < ${instant(scope.now)}
    ) t
    where t.n > 0 and ${scope.owners(sql`u.id`)}`;
}

const SUMS = sql.raw(`sum(calls) as calls, sum(calls_in) as calls_in, sum(calls_out) as calls_out, sum(talk_seconds) as talk_seconds,
  sum(meetings) as meetings, sum(emails) as emails, sum(tasks_done) as tasks_done, sum(planned_due) as planned_due, sum(overdue) as overdue`);
/** The sums typed for the driver; an empty range sums to nulls, read as zeros. */
const TYPED = sql.raw(
  ['calls', 'calls_in', 'calls_out', 'talk_seconds', 'meetings', 'emails', 'tasks_done', 'planned_due', 'overdue']
    .map((column) => `coalesce(${column}, 0)::${column === 'talk_seconds' ? 'float8' : 'int'} as ${column}`)
    .join(', '),
);

/**
 * The activity figures of the period — per owner and per day (two grouping sets over the summary
 * rows: the costly part), then per ISO week (from Monday) and in total from the few hundred day
 * rows — and the previous period's total, in the same scan: the two periods are adjacent, and a
 * previous-period row has no owner key. "Overdue" on a day = planned activities due that day done
 * after their due moment, plus those still open whose due moment has passed: all open ones for
 * days before today, today's from the live count, none for later days.
 */
export async function activityCells(ctx: ServiceContext, scope: ActivityQueryScope, period: ReportPeriod): Promise<ActivityCellRow[]> {
  const from = sql`${period.from}::date`;
  const today = sql`${scope.today}::date`;
  const todayInRange = scope.today >= period.previous.from && scope.today < period.to;
  const source = sql`
    select case when day >= ${from} then owner_id end as owner_id, day, calls, calls_in, calls_out, talk_seconds, meetings, emails,
           tasks_done, planned_due, planned_late + case when day < ${today} then planned_open else 0 end as overdue
    from activity_daily
    where day >= ${period.previous.from}::date and day < ${period.to}::date and ${scope.owners(sql`owner_id`)}
    ${todayInRange ? sql`union all select case when ${today} >= ${from} then owner_id end, ${today}, 0, 0, 0, 0, 0, 0, 0, 0, n from (${liveOverdueToday(scope)}) live` : sql``}`;
  // The Monday of a date's week, in integer day arithmetic (2000-01-03 was a Monday).
  const monday = sql.raw(`day - ((day - date '2000-01-03') % 7 + 7) % 7`);
  return rowsOf<ActivityCellRow>(
    await ctx.db.execute(sql`
      with cells as (
        select grouping(owner_id, day) as g, owner_id, day, ${SUMS}
        from (${source}) s
        group by grouping sets ((owner_id), (day))
      ), days as (select * from cells where g = ${ACTIVITY_SET.day} and day >= ${from})
      select g, owner_id, day::text as day, null::text as week, ${TYPED} from cells
      where (g = ${ACTIVITY_SET.owner} and owner_id is not null) or (g = ${ACTIVITY_SET.day} and day >= ${from})
      union all
      select ${ACTIVITY_SET.week}, null, null, week_day::text, ${TYPED} from (select ${monday} as week_day, ${SUMS} from days group by 1) w
      union all
      select ${ACTIVITY_SET.total}, null, null, null, ${TYPED} from (select ${SUMS} from days) t
      union all
      select ${ACTIVITY_SET.previous}, null, null, null, ${TYPED} from (select ${SUMS} from cells where g = ${ACTIVITY_SET.day} and day < ${from}) p`),
  );
}

/**
 * Open planned activities whose due moment has passed, per owner, now: the still-open ones due
 * before today (partial index on the summary's rows with open ones) plus today's live count.
 */
export async function overdueNow(ctx: ServiceContext, scope: ActivityQueryScope): Promise<Map<number, number>> {
  const rows = rowsOf<{ owner_id: number; n: number }>(
    await ctx.db.execute(sql`
      select owner_id, sum(n)::int as n from (
        select owner_id, sum(planned_open) as n from activity_daily
        where planned_open > 0 and day < ${scope.today}::date and ${scope.owners(sql`owner_id`)}
        group by owner_id
        union all
        ${liveOverdueToday(scope)}
      ) x group by owner_id`),
  );
  return new Map(rows.map((r) => [r.owner_id, r.n]));
}

export interface LeadResponseRow {
  g: number;
  owner_id: number | null;
  leads: number;
  responded: number;
  response_seconds: number | null;
  /** Responded leads per response band (RESPONSE_BAND_COLUMNS order). */
  bands: number[];
}

const LEAD_SUMS = sql.raw(['leads', 'responded', 'response_us', ...RESPONSE_BAND_COLUMNS].map((column) => `sum(${column}) as ${column}`).join(', '));
/** Typed for the driver (an empty range sums to nulls); the bands as one array. */
const LEAD_TYPED = sql.raw(
  `coalesce(leads, 0)::int as leads, coalesce(responded, 0)::int as responded, (response_us / 1e6)::float8 as response_seconds,
   array[${RESPONSE_BAND_COLUMNS.map((column) => `coalesce(${column}, 0)::int`).join(', ')}] as bands`,
);

/**
 * Leads created in the period and owned by the scope's managers — count, responded, time sums and
 * bands per owner (g 0), their total (g 1) — and the previous period's total (g 2), in one scan
 * as for the activities.
 */
export async function leadResponse(ctx: ServiceContext, scope: ActivityQueryScope, period: ReportPeriod): Promise<LeadResponseRow[]> {
  const from = sql`${period.from}::date`;
  return rowsOf<LeadResponseRow>(
    await ctx.db.execute(sql`
      with owners as (
        select case when day >= ${from} then owner_id end as owner_id, ${LEAD_SUMS}
        from lead_response_daily
        where day >= ${period.previous.from}::date and day < ${period.to}::date and ${scope.owners(sql`owner_id`)}
        group by 1
      )
      select 0 as g, owner_id, ${LEAD_TYPED} from owners where owner_id is not null
      union all
      select 1, null, ${LEAD_TYPED} from (select ${LEAD_SUMS} from owners where owner_id is not null) t
      union all
      select 2, null, ${LEAD_TYPED} from (select ${LEAD_SUMS} from owners where owner_id is null) p`),
  );
}

export interface TargetRow {
  owner_id: number;
  calls: number | null;
  meetings: number | null;
}

/**
 * Each manager's 'calls' and 'meetings' targets over `range`, pro rata by days: a month's target
 * times (days of the range in that month) / (days in the month), as the sources report does with
 * costs. Null when the manager has no target of that metric in any month the range touches.
 */
export async function activityTargets(ctx: ServiceContext, scope: ActivityQueryScope, range: DateRange): Promise<TargetRow[]> {
  return rowsOf<TargetRow>(
    await ctx.db.execute(sql`
      select t.user_id as owner_id,
             round(sum(t.value * m.share) filter (where t.metric = 'calls'), 2)::float8 as calls,
             round(sum(t.value * m.share) filter (where t.metric = 'meetings'), 2)::float8 as meetings
      from targets t
      join lateral (
        select (least((t.month + interval '1 month')::date, ${range.to}::date) - greatest(t.month, ${range.from}::date))::numeric
               / ((t.month + interval '1 month')::date - t.month) as share
      ) m on true
      where t.user_id is not null and t.metric in ('calls', 'meetings')
        and t.month >= date_trunc('month', ${range.from}::date)::date and t.month < ${range.to}::date
        and ${scope.owners(sql`t.user_id`)}
      group by t.user_id`),
  );
}

export interface ManagerRow {
  id: number;
  name: string;
  is_active: boolean;
  role: string;
}

/** The people the report may list: everyone in scope (a small table, read whole). */
export async function scopeUsers(ctx: ServiceContext, scope: ActivityQueryScope): Promise<ManagerRow[]> {
  return rowsOf<ManagerRow>(await ctx.db.execute(sql`select u.id, u.name, u.is_active, u.role from users u where ${scope.owners(sql`u.id`)}`));
}
