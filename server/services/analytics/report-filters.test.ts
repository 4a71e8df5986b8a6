import { describe, expect, it } from 'vitest';
import { reportFilters, resolvePeriod } from './report-filters';

describe('report periods', () => {
  const today = '2026-11-23';
  it('follows the calendar for presets, with the previous period of the same kind', () => {
    expect(resolvePeriod({ period: 'thisMonth' }, today)).toEqual({ from: '2026-11-01', to: '2026-12-01', previous: { from: '2026-10-01', to: '2026-11-01' } });
    expect(resolvePeriod({ period: 'lastMonth' }, today)).toEqual({ from: '2026-10-01', to: '2026-11-01', previous: { from: '2026-09-01', to: '2026-10-01' } });
    expect(resolvePeriod({ period: 'quarter' }, today)).toEqual({ from: '2026-10-01', to: '2027-01-01', previous: { from: '2026-07-01', to: '2026-10-01' } });
    expect(resolvePeriod({ period: 'year' }, today)).toEqual({ from: '2026-01-01', to: '2027-01-01', previous: { from: '2025-01-01', to: '2026-01-01' } });
  });
  it('compares a custom period with the same number of days before it', () => {
    expect(resolvePeriod({ period: 'custom', from: '2026-03-10', to: '2026-03-20' }, today)).toEqual({ from: '2026-03-10', to: '2026-03-20', previous: { from: '2026-02-28', to: '2026-03-10' } });
  });
  it('refuses a custom period without both ends or ending before it starts', () => {
    expect(reportFilters.safeParse({ period: 'custom', from: '2026-03-10' }).success).toBe(false);
    expect(reportFilters.safeParse({ period: 'custom', from: '2026-03-10', to: '2026-03-01' }).success).toBe(false);
    expect(reportFilters.parse({}).period).toBe('thisMonth');
  });
});
