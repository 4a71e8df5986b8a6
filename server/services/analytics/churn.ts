import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { churnPlan, MAX_TREND_MONTHS, type ChurnPlan } from './churn-plan';
import { parseJson, type AtRiskRow, type ChurnRows, type CohortRow, type RangeRow } from './churn-query';
import { summaryStatement } from './churn-summary-query';
import { winsStatement, type ChurnScope } from './churn-wins-query';
import type { DateRange, ReportFiltersInput, ReportPeriod } from './report-filters';
import { reportOwnerCondition } from './report-scope';
import { inReportTransaction, prepareSalesReport, ratio } from './sales-report-base';

/**
 * Churn report (DESIGN.md §5). Definitions, which the page's help repeats:
 * - a client is a company, or a contact on deals without a company; it is *active* at the start
 *   of a day D when it won a deal on one of the N days before D (N = churn window, organisation
 *   setting); a range's figures compare its first day with the day after it;
 * - churned = active at the start and not at the end; became active = active at the end and not
 *   at the start (new clients and returning ones); churn rate = churned / active at the start;
 * - only the won deals the filters select count: for a team, the deals its current members own
 *   (so a client is in a head's report through its won deals with the team), likewise for a
 *   manager, a pipeline, a source. A client's first win, spells and intervals are those of these
 *   deals;
 * - revenue: won deals with a client, split into the client's first won deal (new) and later
 *   ones (returning). deals.is_repeat is not used: it says whether the client had a win when the
 *   deal was *created* (a deal created before the first win but won after it is not new), and it
 *   is not updated when an earlier win is reopened;
 * - cohort retention: clients by the month of their first win; for each later month, the share
 *   of them with a won deal in that month (purchase retention, month 0 = 100 %);
 * - at risk (as of today): clients with at least two win days whose days since the last win
 *   exceed their usual interval — the mean gap between their wins, (last − first) / (wins − 1) —
 *   and who are active or were active within the last N days (last win at most 2N days ago);
 *   value at risk = their average won deal, the worth of the purchase that is overdue.
 */
export interface ChurnFlows {
  activeAtStart: number;
  activeAtEnd: number;
  churned: number;
  /** Became active: new clients and ones coming back. */
  activated: number;
  churnRate: number | null;
}

export interface ChurnRevenue {
  wonAmount: string;
  newAmount: string;
  returningAmount: string;
}

export type ChurnFigures = ChurnFlows & ChurnRevenue;

export interface ChurnCohort extends DateRange {
  month: string;
  clients: number;
  /** Per month since the first win (0, 1, …, up to the end of the trend window): clients with a win then, and their share. */
  retained: number[];
  retention: (number | null)[];
}

export type AtRiskClient = AtRiskRow & { daysOverdue: number };

export interface ChurnReport {
  period: ReportPeriod;
  /** N, the churn window in days, as used. */
  windowDays: number;
  /** The organisation's today (the at-risk list is of today). */
  today: string;
  totals: ChurnFigures;
  previous: ChurnFigures;
  byMonth: (ChurnFigures & { month: string } & DateRange)[];
  cohorts: ChurnCohort[];
  atRisk: { clients: number; valueAtRisk: string; limit: number; rows: AtRiskClient[] };
}

/** The at-risk list shows the most valuable clients first, up to this many. */
export const AT_RISK_LIMIT = 200;

function figures(row: RangeRow | undefined): ChurnFigures {
  const r = row ?? { activeStart: 0, activeEnd: 0, activeBoth: 0, won: '0.00', new: '0.00', returning: '0.00' };
  const churned = r.activeStart - r.activeBoth;
  return {
    activeAtStart: r.activeStart,
    activeAtEnd: r.activeEnd,
    churned,
    activated: r.activeEnd - r.activeBoth,
    churnRate: ratio(churned, r.activeStart),
    wonAmount: r.won,
    newAmount: r.new,
    returningAmount: r.returning,
  };
}

function cohorts(plan: ChurnPlan, rows: CohortRow[]): ChurnCohort[] {
  const cells = new Map(rows.map((r) => [`${r.cohort}:${r.month}`, r.clients]));
  const monthRanges = plan.ranges.slice(0, plan.trend.months.length);
  return monthRanges.map((range, i) => {
    const clients = cells.get(`${i + 1}:${i + 1}`) ?? 0;
    const retained = monthRanges.slice(i).map((_, k) => cells.get(`${i + 1}:${i + 1 + k}`) ?? 0);
    return { month: range.key, from: range.from, to: range.to, clients, retained, retention: retained.map((n) => ratio(n, clients)) };
  });
}

/** Whose won deals count: the same rule as every report's scope (null owners: everyone). */
async function churnScope(ctx: ServiceContext, filters: { teamId?: number; ownerId?: number; pipelineId?: number; sourceId?: number }): Promise<ChurnScope> {
  const condition = reportOwnerCondition(ctx.actor, filters, users.id);
  const teamId = ctx.actor.role === 'head' ? ctx.actor.teamId : (filters.teamId ?? null);
  let ownerIds: number[] | null = null;
  if (teamId !== null || filters.ownerId !== undefined) {
    const rows = rowsOf<{ id: number }>(await ctx.db.execute(sql`select ${users.id} as id from ${users} where ${condition} order by 1`));
    ownerIds = rows.map((row) => Number(row.id));
  }
  return { teamId: filters.ownerId === undefined ? teamId : null, ownerIds, pipelineId: filters.pipelineId ?? null, sourceId: filters.sourceId ?? null };
}

export async function churnReport(ctx: ServiceContext, rawFilters: ReportFiltersInput, options: { now?: Date } = {}): Promise<ChurnReport> {
  const base = await prepareSalesReport(ctx, rawFilters, options.now);
  const plan = churnPlan(base.period);
  if (plan.trend.months.length > MAX_TREND_MONTHS) {
    throw new ServiceError('BAD_REQUEST', `period: the churn report covers at most ${MAX_TREND_MONTHS} months`);
  }
  const { filters } = base;
  const result = await inReportTransaction(ctx, async (tx) => {
    const scope = await churnScope(tx, filters);
    const [settings] = rowsOf<{ days: number; today: string }>(
      await tx.db.execute(sql`select coalesce((select churn_window_days from organisation where id = 1), 180) as days,
                                     to_char((${(options.now ?? new Date()).toISOString()}::timestamptz at time zone ${base.timeZone}), 'YYYY-MM-DD') as today`),
    );
    const windowDays = Number(settings!.days);
    const queryOptions = { windowDays, today: settings!.today, atRiskLimit: AT_RISK_LIMIT };
    // The organisation or a whole team over whole months reads the summaries; anything else its won deals.
    const summarised = plan.wholeMonths && scope.pipelineId === null && scope.sourceId === null && (scope.ownerIds === null || scope.teamId !== null);
    const statement = summarised ? summaryStatement(plan, scope.teamId ?? 0, queryOptions) : winsStatement(plan, scope, base.timeZone, queryOptions);
    const [row] = rowsOf<Record<keyof ChurnRows, unknown>>(await tx.db.execute(statement));
    return {
      windowDays,
      today: settings!.today,
      rows: {
        ranges: parseJson<RangeRow[]>(row!.ranges),
        cohorts: parseJson<CohortRow[]>(row!.cohorts),
        atRisk: parseJson<ChurnRows['atRisk']>(row!.atRisk),
        atRiskTop: parseJson<AtRiskRow[]>(row!.atRiskTop),
      },
    };
  });
  const byKey = new Map(result.rows.ranges.map((r) => [r.key, r]));
  return {
    period: base.period,
    windowDays: result.windowDays,
    today: result.today,
    totals: figures(byKey.get('period')),
    previous: figures(byKey.get('previous')),
    byMonth: plan.ranges
      .slice(0, plan.trend.months.length)
      .map((range) => ({ month: range.key, from: range.from, to: range.to, ...figures(byKey.get(range.key)) })),
    cohorts: cohorts(plan, result.rows.cohorts),
    atRisk: {
      clients: Number(result.rows.atRisk.clients),
      valueAtRisk: result.rows.atRisk.value,
      limit: AT_RISK_LIMIT,
      rows: result.rows.atRiskTop.map((r) => ({ ...r, daysOverdue: r.daysSinceLastWin - r.usualIntervalDays })),
    },
  };
}
