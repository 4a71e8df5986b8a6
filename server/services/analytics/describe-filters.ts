import { z } from 'zod';
import { LOCALES } from '@/db/schema/enums';
import type { ServiceContext } from '../context';
import { reportFilterNames } from '../export/report-export';
import { organisationDay } from '../today/org-day';
import { reportFilters, resolvePeriod } from './report-filters';

export const describeFiltersInput = z.object({ filters: reportFilters, locale: z.enum(LOCALES) });

/**
 * A report's filters as people read them (printed pages, export sheets): the period's dates, the
 * pipeline, team, manager and source by name, and the organisation's time zone for "printed at".
 */
export async function describeReportFilters(ctx: ServiceContext, rawInput: z.input<typeof describeFiltersInput>, now = new Date()) {
  const { filters, locale } = describeFiltersInput.parse(rawInput);
  const day = await organisationDay(ctx.db, now);
  return {
    period: resolvePeriod(filters, day.localDate),
    timeZone: day.timeZone,
    names: await reportFilterNames(ctx, filters, locale),
  };
}
