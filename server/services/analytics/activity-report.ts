import { addDays, differenceInCalendarDays, formatISO, parseISO } from 'date-fns';
import { sql, type SQL } from 'drizzle-orm';
import { RESPONSE_BAND_COLUMNS } from '@/lib/analytics/response-bands';
import type { ServiceContext } from '../context';
import { organisationDay } from '../today/org-day';
import {
  ACTIVITY_SET,
  activityCells,
  activityTargets,
  leadResponse,
  overdueNow,
  scopeUsers,
  type ActivityCellRow,
  type ActivityQueryScope,
  type LeadResponseRow,
} from './activity-queries';
import { reportFilters, resolvePeriod, type DateRange, type ReportFiltersInput, type ReportPeriod } from './report-filters';
import { reportOwnerCondition } from './report-scope';
import { ratio } from './sales-report-base';
import { inReportParts } from './report-transaction';

/**
 * Activity per manager (DESIGN.md §5). Definitions — the same words are the page's help text:
 *
 * - An activity belongs to its owner (activities.owner_id) and counts on the org-local day it was
 *   done (done_at, in organisation.time_zone). Calls, meetings and e-mails are logged as done.
 *   Calls: all done calls; incoming / outgoing by direction (a call logged without a direction is
 *   in neither); talk time = the sum of their durations. Tasks completed: done activities of kind
 *   task (a planned call or meeting, once done, counts as a call or a meeting).
 * - Planned activities are tasks and planned calls and meetings: due_at set. They count on the
 *   org-local day they were due. "Planned" = due in the period. "Overdue" = of those, the ones not
 *   done by their due moment: done after due_at, or still open with due_at already past (so a day
 *   in the future has none yet, and today's grow as the day goes). A task done late stays in its
 *   day's overdue count: the deadline was missed. "Overdue now" = open planned activities whose
 *   due moment has passed, whenever they were due (what the Today screen shows), per manager.
 * - First response: leads created in the period and owned (now) by the manager; the time from the
 *   lead's creation to its first done activity (leads.first_activity_at: the earliest done_at of
 *   the activities linked to the lead, whoever logged it). Average over the leads that have one;
 *   the median as the fixed band it falls in (lib/analytics/response-bands.ts: under 5 min, 5–15
 *   min, … 7 days and more; the lower median, i.e. the ⌈n/2⌉-th fastest); leads with no activity
 *   yet are counted apart.
 * - Targets: the manager's monthly 'calls' and 'meetings' targets (targets.user_id), pro rata by
 *   days for the period (a month's target × days of the period in that month / days in the
 *   month); % done = fact / target. The totals row adds up the listed managers' targets.
 * - Filters: period, team and manager as every report. Pipeline and source do not apply (a call
 *   or a task belongs to no pipeline or source); the page says so.
 * - Rows: every active manager in scope (a silent week is the news) and anyone else in scope with
 *   a figure in the period. Previous period: the one before, of the same length (totals only).
 */

export interface ActivityFigures {
  calls: number;
  callsIn: number;
  callsOut: number;
  talkSeconds: number;
  meetings: number;
  emails: number;
  tasksDone: number;
  /** Planned activities due in the period. */
  planned: number;
  /** Of them, not done by their due moment (see above). */
  overdue: number;
}

export interface LeadResponse {
  /** Leads created in the period, owned by the manager(s). */
  leads: number;
  /** Of them, with a first activity. */
  responded: number;
  /** leads − responded. */
  waiting: number;
  /** Average creation → first activity, in seconds (null: none responded). */
  averageSeconds: number | null;
  /** The band (lib/analytics/response-bands.ts) of the lower median response (null: none responded). */
  medianBand: number | null;
}

export interface TargetProgress {
  /** The target pro rata for the period; null when none is set. */
  target: number | null;
  /** fact / target; null without a (non-zero) target. */
  done: number | null;
}

export interface ActivityManagerRow extends ActivityFigures {
  ownerId: number;
  name: string;
  isActive: boolean;
  overdueNow: number;
  response: LeadResponse;
  callsTarget: TargetProgress;
  meetingsTarget: TargetProgress;
}

export interface ActivityReport {
  period: ReportPeriod;
  /** The organisation's today: planned activities due later are not overdue yet. */
  today: string;
  totals: ActivityFigures & { overdueNow: number; response: LeadResponse; callsTarget: TargetProgress; meetingsTarget: TargetProgress };
  previous: ActivityFigures & { response: LeadResponse };
  managers: ActivityManagerRow[];
  /** Every day of the period, zeros included. */
  byDay: (ActivityFigures & { day: string })[];
  /** Every ISO week (from Monday) the period touches, cut to the period: from, to half-open. */
  byWeek: (ActivityFigures & { week: string } & DateRange)[];
  /** Responded leads of the period per response band (totals). */
  responseBands: number[];
}

const ZERO: ActivityFigures = { calls: 0, callsIn: 0, callsOut: 0, talkSeconds: 0, meetings: 0, emails: 0, tasksDone: 0, planned: 0, overdue: 0 };

function figures(row: ActivityCellRow | undefined): ActivityFigures {
  if (!row) return ZERO;
  return {
    calls: row.calls,
    callsIn: row.calls_in,
    callsOut: row.calls_out,
    talkSeconds: Number(row.talk_seconds),
    meetings: row.meetings,
    emails: row.emails,
    tasksDone: row.tasks_done,
    planned: row.planned_due,
    overdue: row.overdue,
  };
}

/** The band holding the ⌈n/2⌉-th fastest response, from the band counts. */
export function medianBand(bands: readonly number[]): number | null {
  const n = bands.reduce((sum, count) => sum + count, 0);
  if (n === 0) return null;
  const position = Math.ceil(n / 2);
  let seen = 0;
  for (let band = 0; band < bands.length; band++) {
    seen += bands[band]!;
    if (seen >= position) return band;
  }
  return bands.length - 1;
}

function response(row: LeadResponseRow | undefined): LeadResponse {
  if (!row) return { leads: 0, responded: 0, waiting: 0, averageSeconds: null, medianBand: null };
  return {
    leads: row.leads,
    responded: row.responded,
    waiting: row.leads - row.responded,
    averageSeconds: row.responded === 0 ? null : Number(row.response_seconds) / row.responded,
    medianBand: medianBand(row.bands),
  };
}

function progress(fact: number, target: number | null): TargetProgress {
  return { target, done: target === null ? null : ratio(fact, target) };
}

const isoDate = (date: Date) => formatISO(date, { representation: 'date' });

/** Every calendar day of [from, to). */
function daysOf(range: DateRange): string[] {
  const start = parseISO(range.from);
  return Array.from({ length: differenceInCalendarDays(parseISO(range.to), start) }, (_, i) => isoDate(addDays(start, i)));
}

/** The Monday of the ISO week a date falls in. */
function mondayOf(day: string): string {
  const date = parseISO(day);
  return isoDate(addDays(date, -((date.getDay() + 6) % 7)));
}

export async function activityReport(ctx: ServiceContext, rawFilters: ReportFiltersInput, options: { now?: Date } = {}): Promise<ActivityReport> {
  const filters = reportFilters.parse(rawFilters);
  // The scope first: a refused actor never reaches a query.
  reportOwnerCondition(ctx.actor, filters, sql`owner_id`);
  const owners = (column: SQL) => reportOwnerCondition(ctx.actor, filters, column);
  const now = options.now ?? new Date();
  const day = await organisationDay(ctx.db, now);
  const period = resolvePeriod(filters, day.localDate);
  const scope: ActivityQueryScope = { owners, today: day.localDate, todayStart: day.todayStart, now };

  // The activity cells, the costliest statement, beside the rest (inReportParts).
  const { cells, rest } = await inReportParts(ctx, {
    cells: (tx) => activityCells(tx, scope, period),
    rest: async (tx) => ({
      leads: await leadResponse(tx, scope, period),
      overdue: await overdueNow(tx, scope),
      targets: await activityTargets(tx, scope, period),
      users: await scopeUsers(tx, scope),
    }),
  });
  const data = { cells, ...rest };

  const cellsOf = (set: number) => data.cells.filter((r) => r.g === set);
  const byOwner = new Map(cellsOf(ACTIVITY_SET.owner).map((r) => [r.owner_id!, r]));
  const leadsByOwner = new Map(data.leads.filter((r) => r.g === 0).map((r) => [r.owner_id!, r]));
  const targets = new Map(data.targets.map((r) => [r.owner_id, r]));
  const listed = data.users.filter(
    (u) => (u.role === 'manager' && u.is_active) || byOwner.has(u.id) || leadsByOwner.has(u.id) || (data.overdue.get(u.id) ?? 0) > 0,
  );

  const managers: ActivityManagerRow[] = listed
    .map((u) => {
      const f = figures(byOwner.get(u.id));
      const target = targets.get(u.id);
      return {
        ownerId: u.id,
        name: u.name,
        isActive: u.is_active,
        ...f,
        overdueNow: data.overdue.get(u.id) ?? 0,
        response: response(leadsByOwner.get(u.id)),
        callsTarget: progress(f.calls, target?.calls ?? null),
        meetingsTarget: progress(f.meetings, target?.meetings ?? null),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  const totals = figures(cellsOf(ACTIVITY_SET.total)[0]);
  const sumTargets = (pick: (row: ActivityManagerRow) => number | null) => {
    const values = managers.map(pick).filter((v): v is number => v !== null);
    return values.length === 0 ? null : Math.round(values.reduce((sum, v) => sum + v, 0) * 100) / 100;
  };
  const totalLeads = data.leads.find((r) => r.g === 1);

  const days = new Map(cellsOf(ACTIVITY_SET.day).map((r) => [r.day!, r]));
  const weeks = new Map(cellsOf(ACTIVITY_SET.week).map((r) => [r.week!, r]));
  const periodDays = daysOf(period);
  const weekStarts = [...new Set(periodDays.map(mondayOf))];

  return {
    period,
    today: day.localDate,
    totals: {
      ...totals,
      overdueNow: [...data.overdue.values()].reduce((sum, n) => sum + n, 0),
      response: response(totalLeads),
      callsTarget: progress(totals.calls, sumTargets((m) => m.callsTarget.target)),
      meetingsTarget: progress(totals.meetings, sumTargets((m) => m.meetingsTarget.target)),
    },
    previous: { ...figures(cellsOf(ACTIVITY_SET.previous)[0]), response: response(data.leads.find((r) => r.g === 2)) },
    managers,
    byDay: periodDays.map((d) => ({ day: d, ...figures(days.get(d)) })),
    byWeek: weekStarts.map((week) => {
      const end = isoDate(addDays(parseISO(week), 7));
      return { week, from: week < period.from ? period.from : week, to: end > period.to ? period.to : end, ...figures(weeks.get(week)) };
    }),
    responseBands: totalLeads?.bands ?? RESPONSE_BAND_COLUMNS.map(() => 0),
  };
}
