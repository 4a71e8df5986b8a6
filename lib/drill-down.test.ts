import { describe, expect, it } from 'vitest';
import { dealFiltersFromSearchParams, dealsHref, leadFiltersFromSearchParams, leadsHref } from './drill-down';

describe('drill-down links', () => {
  it('round-trips deal filters through the address', () => {
    const filters = { pipelineId: 1, status: 'won' as const, closedFrom: '2026-10-01', closedTo: '2026-11-01', ownerId: 7, teamId: 2, reachedStageId: 3, lossReasonId: 4, lostFromStageId: 5 };
    const href = dealsHref(filters);
    expect(href.startsWith('/deals?')).toBe(true);
    expect(dealFiltersFromSearchParams(new URLSearchParams(href.split('?')[1]))).toEqual(filters);
    expect(dealsHref({})).toBe('/deals');
  });

  it('drops malformed deal params', () => {
    expect(
      dealFiltersFromSearchParams({ pipelineId: 'x', stageId: '-2', ownerId: '1.5', status: 'maybe', closedFrom: '2026-02-30', createdTo: 'yesterday', amountMin: '5', amountMax: '1', search: ['a', 'b'] }),
    ).toEqual({ amountMin: '5', search: 'a' });
  });

  it('round-trips lead filters and drops malformed ones', () => {
    const filters = { status: 'junk' as const, sourceId: 3, teamId: 1, createdFrom: '2026-01-01', createdTo: '2026-02-01' };
    expect(leadFiltersFromSearchParams(new URLSearchParams(leadsHref(filters).split('?')[1]))).toEqual(filters);
    expect(leadFiltersFromSearchParams({ status: 'won', ownerId: '0', createdFrom: '2026-13-01' })).toEqual({});
  });
});
