import { describe, expect, it } from 'vitest';
import { dealFiltersFromSearchParams, dealsHref, leadFiltersFromSearchParams, leadsHref, monthRange } from './drill-down';

describe('drill-down links', () => {
  it('round-trips deal filters through the address', () => {
    const filters = { pipelineId: 1, status: 'won' as const, closedFrom: '2026-10-01', closedTo: '2026-11-01', ownerId: 7, teamId: 2, reachedStageId: 3, lossReasonId: 4 };
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

  it('turns a month into a half-open date range', () => {
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(monthRange('2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-04-01' });
  });
});

describe('trend month ranges', () => {
  it('cuts the month to the trend window', async () => {
    const { trendMonthRange } = await import('./drill-down');
    expect(trendMonthRange('2026-11', { from: '2026-11-01', to: '2026-11-15' })).toEqual({ from: '2026-11-01', to: '2026-11-15' });
    expect(trendMonthRange('2025-12', { from: '2026-11-01', to: '2026-12-01' })).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    // A period longer than a year starts the window mid-month.
    expect(trendMonthRange('2024-03', { from: '2024-03-10', to: '2026-01-01' })).toEqual({ from: '2024-03-10', to: '2024-04-01' });
  });
});
