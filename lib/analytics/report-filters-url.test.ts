import { describe, expect, it } from 'vitest';
import { filtersFromSearchParams, searchParamsFromFilters } from './report-filters-url';

describe('report filters in the address', () => {
  it('round-trips every filter', () => {
    const filters = { period: 'custom' as const, from: '2026-01-01', to: '2026-04-01', pipelineId: 2, teamId: 3, ownerId: 17, sourceId: 4 };
    expect(filtersFromSearchParams(searchParamsFromFilters(filters))).toEqual(filters);
  });
  it('drops malformed values instead of failing', () => {
    expect(filtersFromSearchParams({ period: 'decade', teamId: 'x', ownerId: '-3' })).toEqual({ period: 'thisMonth' });
    expect(filtersFromSearchParams({ period: 'custom', from: '2026-05-01', to: '2026-04-01' })).toEqual({ period: 'thisMonth' });
    expect(filtersFromSearchParams(new URLSearchParams('period=year&pipelineId=5'))).toEqual({ period: 'year', pipelineId: 5 });
  });
});
