import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planAssignments, type Candidate } from './plan-assignments';

const NOW = new Date('2026-11-23T09:00:00Z');
const manager = (userId: number, overrides: Partial<Candidate> = {}): Candidate => ({
  userId, weight: 1, pass: null, lastAssignedAt: null, openLeads: 0, openLeadCap: null, ...overrides,
});

function counts(owners: (number | null)[]) {
  const result = new Map<number | null, number>();
  for (const owner of owners) result.set(owner, (result.get(owner) ?? 0) + 1);
  return result;
}

describe('planAssignments', () => {
  it('is plain round-robin for equal weights', () => {
    expect(planAssignments([manager(1), manager(2), manager(3)], 7, 0, NOW).owners).toEqual([1, 2, 3, 1, 2, 3, 1]);
  });

  it('gives leads in proportion to weights', () => {
    const plan = planAssignments([manager(1, { weight: 3 }), manager(2)], 400, 0, NOW);
    expect(counts(plan.owners).get(1)).toBe(300);
    expect(counts(plan.owners).get(2)).toBe(100);
  });

  it('stops at the cap on open leads and says who could take none', () => {
    const plan = planAssignments([manager(1, { openLeads: 4, openLeadCap: 5 }), manager(2, { openLeadCap: 1 })], 4, 0, NOW);
    expect(plan.owners).toEqual([1, 2, null, null]);
  });

  it('starts a manager back from absence at the team clock, not with a backlog of catch-up leads', () => {
    // Manager 1 was away while 2 and 3 took 50 leads each: the clock stands at 49.
    const plan = planAssignments([manager(1, { pass: 0 }), manager(2, { pass: 50 }), manager(3, { pass: 50 })], 6, 49, NOW);
    const perManager = counts(plan.owners);
    expect(perManager.get(1)).toBe(2);
    expect(perManager.get(2)).toBe(2);
    expect(perManager.get(3)).toBe(2);
  });

  it('continues the rotation across batches: the same share per manager as one long batch', () => {
    const team = [manager(1), manager(2, { weight: 2 }), manager(3)];
    const whole = planAssignments(team, 10, 0, NOW).owners;
    const first = planAssignments(team, 4, 0, NOW);
    const carried = team.map((candidate) => {
      const state = first.passes.get(candidate.userId);
      return state ? { ...candidate, pass: state.pass, lastAssignedAt: NOW } : candidate;
    });
    const second = planAssignments(carried, 6, first.virtualTime, NOW);
    expect(counts([...first.owners, ...second.owners])).toEqual(counts(whole));
  });

  it('property: among equal-weight managers counts differ by at most one for any number of leads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 500 }), (size, leadCount) => {
        const team = Array.from({ length: size }, (_, index) => manager(index + 1));
        const perManager = counts(planAssignments(team, leadCount, 0, NOW).owners);
        const values = team.map((candidate) => perManager.get(candidate.userId) ?? 0);
        return Math.max(...values) - Math.min(...values) <= 1 && values.reduce((a, b) => a + b, 0) === leadCount;
      }),
    );
  });
});
