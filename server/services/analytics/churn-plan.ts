import type { DateRange, ReportPeriod } from './report-filters';
import { trendMonthRange, trendMonths } from './sales-report-base';

/** A range the report gives figures for: a trend month, the period, or the previous period. */
export interface ChurnRange extends DateRange {
  key: string;
  /** 1-based indexes into `boundaries` of `from` and `to`. */
  fromIndex: number;
  toIndex: number;
}

/**
 * The dates the churn report looks at. Every figure is "active at the start of a date" or
 * "won between two dates", so the report evaluates activity at a short sorted list of dates
 * (`boundaries`) and sums revenue over the buckets between them.
 */
export interface ChurnPlan {
  period: ReportPeriod;
  trend: { window: DateRange; months: string[] };
  /** Sorted distinct org-local dates: trend window edges, month starts inside it, period and previous period edges. */
  boundaries: string[];
  /** The trend months (in order), then 'period' and 'previous'. */
  ranges: ChurnRange[];
  /** Where each trend month begins (the first cut to the window): the cohort buckets. */
  monthStarts: string[];
  /** Every boundary is the first day of a month (the monthly summaries can answer exactly). */
  wholeMonths: boolean;
}

/** Activity is kept as bit masks over the boundaries in a bigint: at most 62 of them. */
export const MAX_TREND_MONTHS = 48;

export function churnPlan(period: ReportPeriod): ChurnPlan {
  const trend = trendMonths(period);
  const monthRanges = trend.months.map((month) => ({ key: month, ...trendMonthRange(month, trend.window) }));
  const dates = new Set<string>([period.from, period.to, period.previous.from, period.previous.to]);
  for (const range of monthRanges) dates.add(range.from).add(range.to);
  const boundaries = [...dates].sort();
  const index = (date: string) => boundaries.indexOf(date) + 1;
  const withIndexes = (key: string, range: DateRange): ChurnRange => ({ key, ...range, fromIndex: index(range.from), toIndex: index(range.to) });
  return {
    period,
    trend,
    boundaries,
    ranges: [
      ...monthRanges.map((range) => withIndexes(range.key, range)),
      withIndexes('period', period),
      withIndexes('previous', period.previous),
    ],
    monthStarts: monthRanges.map((range) => range.from),
    wholeMonths: boundaries.every((date) => date.endsWith('-01')),
  };
}
