/**
 * Links from a report figure to the deals / leads behind it, and the lists' filters read back from
 * the address. The filters have the API's shape (server/services/{deals,leads}/schemas.ts): ids
 * are numbers, date ranges are half-open [from, to) calendar days. Browser-safe: no server imports.
 */

import { DEAL_STATUSES, LEAD_STATUSES, type DealStatus, type LeadStatus } from '@/db/schema/enums';
import { readParam as read, type SearchParamsLike } from './search-params';

export interface DealListFilters {
  status?: DealStatus;
  pipelineId?: number;
  stageId?: number;
  ownerId?: number;
  sourceId?: number;
  teamId?: number;
  /** Deals that reached the stage, as the funnel counts them. */
  reachedStageId?: number;
  lossReasonId?: number;
  /** Lost deals lost from the stage, as the loss-reasons report counts them. */
  lostFromStageId?: number;
  amountMin?: string;
  amountMax?: string;
  createdFrom?: string;
  createdTo?: string;
  closedFrom?: string;
  closedTo?: string;
  search?: string;
}

export interface LeadListFilters {
  status?: LeadStatus;
  sourceId?: number;
  ownerId?: number;
  teamId?: number;
  createdFrom?: string;
  createdTo?: string;
  search?: string;
}

const DEAL_ID_KEYS = ['pipelineId', 'stageId', 'ownerId', 'sourceId', 'teamId', 'reachedStageId', 'lossReasonId', 'lostFromStageId'] as const;
const DEAL_DATE_KEYS = ['createdFrom', 'createdTo', 'closedFrom', 'closedTo'] as const;
const DEAL_KEYS = ['status', ...DEAL_ID_KEYS, 'amountMin', 'amountMax', ...DEAL_DATE_KEYS, 'search'] as const;
const LEAD_ID_KEYS = ['sourceId', 'ownerId', 'teamId'] as const;
const LEAD_KEYS = ['status', ...LEAD_ID_KEYS, 'createdFrom', 'createdTo', 'search'] as const;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

function readId(params: SearchParamsLike, key: string): number | undefined {
  const raw = read(params, key);
  if (!raw || !/^\d{1,9}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value > 0 ? value : undefined;
}

/** A real calendar date written YYYY-MM-DD, else undefined. */
export function readIsoDate(raw: string | undefined): string | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === raw ? raw : undefined;
}

function readSearch(params: SearchParamsLike): string | undefined {
  const search = read(params, 'search');
  return search && search.length <= 200 ? search : undefined;
}

/** The deals list's filters from the address; anything malformed is left out. */
export function dealFiltersFromSearchParams(params: SearchParamsLike): DealListFilters {
  const filters: DealListFilters = {};
  const status = read(params, 'status');
  if (DEAL_STATUSES.includes(status as never)) filters.status = status as DealListFilters['status'];
  for (const key of DEAL_ID_KEYS) {
    const value = readId(params, key);
    if (value !== undefined) filters[key] = value;
  }
  for (const key of ['amountMin', 'amountMax'] as const) {
    const value = read(params, key)?.replace(',', '.');
    if (value && AMOUNT.test(value)) filters[key] = value;
  }
  if (filters.amountMin && filters.amountMax && Number(filters.amountMin) > Number(filters.amountMax)) delete filters.amountMax;
  for (const key of DEAL_DATE_KEYS) {
    const value = readIsoDate(read(params, key));
    if (value) filters[key] = value;
  }
  const search = readSearch(params);
  if (search) filters.search = search;
  return filters;
}

/** The leads list's filters from the address; anything malformed is left out. */
export function leadFiltersFromSearchParams(params: SearchParamsLike): LeadListFilters {
  const filters: LeadListFilters = {};
  const status = read(params, 'status');
  if (LEAD_STATUSES.includes(status as never)) filters.status = status as LeadListFilters['status'];
  for (const key of LEAD_ID_KEYS) {
    const value = readId(params, key);
    if (value !== undefined) filters[key] = value;
  }
  for (const key of ['createdFrom', 'createdTo'] as const) {
    const value = readIsoDate(read(params, key));
    if (value) filters[key] = value;
  }
  const search = readSearch(params);
  if (search) filters.search = search;
  return filters;
}

function href(path: string, keys: readonly string[], filters: object): string {
  const params = new URLSearchParams();
  const values = filters as Record<string, string | number | null | undefined>;
  for (const key of keys) {
    const value = values[key];
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** `/deals?…` with the given filters (unset ones left out). */
export const dealsHref = (filters: DealListFilters) => href('/deals', DEAL_KEYS, filters);

/** `/leads?…` with the given filters (unset ones left out). */
export const leadsHref = (filters: LeadListFilters) => href('/leads', LEAD_KEYS, filters);

/** Report filters that carry over to a list: the period's own dates are chosen by the caller. */
export interface ReportScopeFilters {
  pipelineId?: number;
  teamId?: number;
  ownerId?: number;
  sourceId?: number;
}

/** The report's pipeline, team, manager and source as list filters. */
export function scopeOf(filters: ReportScopeFilters): Pick<DealListFilters, 'pipelineId' | 'teamId' | 'ownerId' | 'sourceId'> {
  const { pipelineId, teamId, ownerId, sourceId } = filters;
  return { pipelineId, teamId, ownerId, sourceId };
}
