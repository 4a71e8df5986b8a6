import { and, eq, sql, type SQL } from 'drizzle-orm';
import { addDays, addMonths, formatISO, parseISO, startOfMonth } from 'date-fns';
import { deals, leads } from '@/db/schema';
import { rowsOf } from '@/db/client';
import type { ServiceContext } from '../context';
import { organisationDay } from '../today/org-day';
import { reportFilters, resolvePeriod, type DateRange, type ReportFilters, type ReportFiltersInput, type ReportPeriod } from './report-filters';
import { coversEveryOwner, reportOwnerCondition } from './report-scope';

/**
 * What the conversion, sources and loss-reasons reports share: the parsed filters, the period,
 * and the row conditions for leads and deals (scope + source / pipeline filters). The scope is
 * built first, so a refused actor never reaches a query.
 */
export interface SalesReportBase {
  filters: ReportFilters;
  period: ReportPeriod;
  timeZone: string;
  /** Conditions on `leads` (unaliased): owner scope and source. Leads have no pipeline. */
  leadWhere: SQL;
  /** Conditions on `deals` (unaliased): owner scope, source and pipeline. */
  dealWhere: SQL;
  /** True when no team or manager narrows the rows: organisation-wide summaries may answer. */
  everyOwner: boolean;
  /** The trend line's months and the window they cover (see trendMonths). */
  trend: { window: DateRange; months: string[] };
  /** The instant an org-local date begins, as a timestamptz literal (only the dates above). */
  at(date: string): SQL;
  /** width_bucket(column, monthBuckets) = 1-based index into trend.months. */
  monthBuckets: SQL;
}

export { inReportTransaction } from './report-transaction';

export async function prepareSalesReport(ctx: ServiceContext, rawFilters: ReportFiltersInput, now: Date = new Date()): Promise<SalesReportBase> {
  const filters = reportFilters.parse(rawFilters);
  const leadOwner = reportOwnerCondition(ctx.actor, filters, leads.ownerId);
  const dealOwner = reportOwnerCondition(ctx.actor, filters, deals.ownerId);
  const day = await organisationDay(ctx.db, now);
  const period = resolvePeriod(filters, day.localDate);
  const leadWhere = and(leadOwner, filters.sourceId === undefined ? undefined : eq(leads.sourceId, filters.sourceId))!;
  const dealWhere = and(
    dealOwner,
    filters.sourceId === undefined ? undefined : eq(deals.sourceId, filters.sourceId),
    filters.pipelineId === undefined ? undefined : eq(deals.pipelineId, filters.pipelineId),
  )!;
  const trend = trendMonths(period);
  const monthStarts = trend.months.map((month) => `${month}-01`);
  const instants = await orgInstants(ctx, day.timeZone, [period.from, period.to, period.previous.from, period.previous.to, trend.window.from, ...monthStarts]);
  const at = (date: string) => {
    const instant = instants.get(date);
    if (!instant) throw new Error(`no instant computed for ${date}`);
    return sql.raw(`'${instant}'::timestamptz`);
  };
  const monthBuckets = sql.raw(`'{${monthStarts.map((date) => instants.get(date)!).join(',')}}'::timestamptz[]`);
  const everyOwner = coversEveryOwner(ctx.actor, filters);
  return { filters, period, timeZone: day.timeZone, leadWhere, dealWhere, everyOwner, trend, at, monthBuckets };
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * The instants the given org-local dates begin, in one round trip. Reports inline them as
 * literals (checked against INSTANT, so nothing foreign reaches the SQL text): with constants the
 * planner sees how much of the table a period covers, which a sub-select or a generic prepared
 * plan hides from it (a 10,000-row guess for a year of 2M leads).
 */
async function orgInstants(ctx: ServiceContext, timeZone: string, dates: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(dates)];
  const rows = rowsOf<{ date: string; at: string }>(
    await ctx.db.execute(sql`
      select v.date, to_char((v.date::date::timestamp at time zone ${timeZone}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at
      from (values ${sql.join(unique.map((date) => sql`(${date}::text)`), sql`, `)}) as v(date)`),
  );
  const instants = new Map(rows.map((row) => [row.date, row.at]));
  for (const [date, instant] of instants) if (!INSTANT.test(instant)) throw new Error(`unexpected instant ${instant} for ${date}`);
  return instants;
}

/** `column` falls in the half-open range of org-local dates [from, to). */
export function inRange(base: SalesReportBase, column: SQL, range: DateRange): SQL {
  return sql`${column} >= ${base.at(range.from)} and ${column} < ${base.at(range.to)}`;
}

const isoDate = (date: Date) => formatISO(date, { representation: 'date' });

/**
 * The months of the trend line: every month of the period, and at least the 12 months ending
 * with the period's last month (so a one-month report still draws a trend). The window starts
 * at the first of those months (or the period's start, if earlier) and ends with the period.
 */
export function trendMonths(period: { from: string; to: string }): { window: { from: string; to: string }; months: string[] } {
  const lastMonth = startOfMonth(addDays(parseISO(period.to), -1));
  const twelveBack = addMonths(lastMonth, -11);
  const from = parseISO(period.from) < twelveBack ? parseISO(period.from) : twelveBack;
  const months: string[] = [];
  for (let month = startOfMonth(from); month <= lastMonth; month = addMonths(month, 1)) months.push(isoDate(month).slice(0, 7));
  return { window: { from: isoDate(from), to: period.to }, months };
}

/** The dates one trend month covers: the calendar month, cut to the trend window. */
export function trendMonthRange(month: string, window: DateRange): DateRange {
  const start = parseISO(`${month}-01`);
  const from = isoDate(start);
  const to = isoDate(addMonths(start, 1));
  return { from: from > window.from ? from : window.from, to: to < window.to ? to : window.to };
}

/**
 * True when every range starts and ends on the first of a month: then the monthly summaries
 * (lead_monthly, deal_outcome_monthly) hold exactly the rows of the range, and reports read them
 * instead of the leads and deals themselves.
 */
export function coversWholeMonths(...ranges: DateRange[]): boolean {
  return ranges.every((range) => range.from.endsWith('-01') && range.to.endsWith('-01'));
}

/** The first day of a month as a date literal (checked, so nothing foreign reaches the SQL text). */
export function monthStartLiteral(date: string): string {
  if (!/^\d{4}-\d{2}-01$/.test(date)) throw new Error(`not the first of a month: ${date}`);
  return `'${date}'::date`;
}

/** The trend months as a date[] literal (first days), for width_bucket over a summary's month (SQL text, checked). */
export function trendMonthDates(base: SalesReportBase): string {
  return `array[${base.trend.months.map((month) => monthStartLiteral(`${month}-01`)).join(', ')}]`;
}

/** a / b, or null when b is 0 (no denominator, no ratio). */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
