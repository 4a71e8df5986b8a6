import { z } from 'zod';
import { PERIOD_PRESETS } from '@/lib/analytics/report-filters-url';
import { addDays, addMonths, differenceInCalendarDays, formatISO, parseISO, startOfMonth, startOfQuarter, startOfYear } from 'date-fns';

export { PERIOD_PRESETS, type PeriodPreset } from '@/lib/analytics/report-filters-url';

const id = z.number().int().positive();

/** The filter bar every report shares (DESIGN.md §5): period, pipeline, team, manager, source. */
export const reportFilters = z
  .object({
    period: z.enum(PERIOD_PRESETS).default('thisMonth'),
    /** Custom period: calendar dates in the organisation's time zone, half-open [from, to). */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    pipelineId: id.optional(),
    teamId: id.optional(),
    ownerId: id.optional(),
    sourceId: id.optional(),
  })
  .refine((filters) => filters.period !== 'custom' || (filters.from !== undefined && filters.to !== undefined && filters.from < filters.to), {
    path: ['to'],
    error: 'a custom period needs from and to, with to after from',
  });
export type ReportFiltersInput = z.input<typeof reportFilters>;
export type ReportFilters = z.output<typeof reportFilters>;

/** Calendar dates in the organisation's time zone, half-open [from, to). */
export interface DateRange {
  from: string;
  to: string;
}

export interface ReportPeriod extends DateRange {
  /** The period just before, of the same kind (previous month / quarter / year) or the same number of days. */
  previous: DateRange;
}

const iso = (date: Date) => formatISO(date, { representation: 'date' });

/**
 * The period a report covers, from the filters and the organisation's today (an ISO date there).
 * Presets follow the calendar; the comparison period is the one before it of the same length.
 */
export function resolvePeriod(filters: Pick<ReportFilters, 'period' | 'from' | 'to'>, today: string): ReportPeriod {
  const day = parseISO(today);
  const calendar = (start: Date, months: number): ReportPeriod => ({
    from: iso(start),
    to: iso(addMonths(start, months)),
    previous: { from: iso(addMonths(start, -months)), to: iso(start) },
  });
  switch (filters.period) {
    case 'thisMonth':
      return calendar(startOfMonth(day), 1);
    case 'lastMonth':
      return calendar(addMonths(startOfMonth(day), -1), 1);
    case 'quarter':
      return calendar(startOfQuarter(day), 3);
    case 'year':
      return calendar(startOfYear(day), 12);
    case 'custom': {
      const from = parseISO(filters.from!);
      const to = parseISO(filters.to!);
      const days = differenceInCalendarDays(to, from);
      return { from: filters.from!, to: filters.to!, previous: { from: iso(addDays(from, -days)), to: filters.from! } };
    }
  }
}
