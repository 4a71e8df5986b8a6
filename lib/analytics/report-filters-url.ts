/**
 * The analytics filter bar lives in the address, so a report can be shared, bookmarked and
 * reloaded as it is. Browser-safe: no server imports.
 */
import { readParam, type SearchParamsLike } from '../search-params';

export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'quarter', 'year', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface ReportFilterValues {
  period: PeriodPreset;
  from?: string;
  to?: string;
  pipelineId?: number;
  teamId?: number;
  ownerId?: number;
  sourceId?: number;
}

const ID_KEYS = ['pipelineId', 'teamId', 'ownerId', 'sourceId'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from search params; anything malformed is dropped rather than failing the page. */
export function filtersFromSearchParams(params: SearchParamsLike): ReportFilterValues {
  const period = readParam(params, 'period');
  const filters: ReportFilterValues = { period: PERIOD_PRESETS.includes(period as PeriodPreset) ? (period as PeriodPreset) : 'thisMonth' };
  for (const key of ID_KEYS) {
    const value = Number(readParam(params, key));
    if (Number.isInteger(value) && value > 0) filters[key] = value;
  }
  const from = readParam(params, 'from');
  const to = readParam(params, 'to');
  if (filters.period === 'custom') {
    if (from && to && ISO_DATE.test(from) && ISO_DATE.test(to) && from < to) Object.assign(filters, { from, to });
    else filters.period = 'thisMonth';
  }
  return filters;
}

export function searchParamsFromFilters(filters: ReportFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.period !== 'thisMonth') params.set('period', filters.period);
  if (filters.period === 'custom' && filters.from && filters.to) {
    params.set('from', filters.from);
    params.set('to', filters.to);
  }
  for (const key of ID_KEYS) if (filters[key] !== undefined) params.set(key, String(filters[key]));
  return params;
}
