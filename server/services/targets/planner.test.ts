import { describe, expect, it } from 'vitest';
import { activities, deals } from '@/db/schema';
import type { Database } from '@/db/client';
import { createCaller } from '@/server/trpc/root';
import { buildScopeFixture, type ScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildPlan } from './planner-math';
import { applyTargetPlan, getTargetPlan } from './planner';
import { getTargetGrid } from './target-grid';

// Planning April 2026 (22 working days, not begun) on 16 March: the history is Sep 2025 – Feb 2026.
const NOW = new Date('2026-03-16T09:00:00Z');

/**
 * Manager A1's six months, built by hand: 10 deals created on 10 Sep 2025, all closed — 3 won
 * (100 000 in October; 200 000 and 300 000 in November, 30 / 60 / 60 days after creation), 2 lost
 * at Contract, 1 at Meeting (Qualification skipped), 4 at New. So New 10 → Qualification 6 →
 * Meeting 6 → Contract 5 → won 3: conversions 0.6, 1, 5/6, 0.6. 40 calls and 10 meetings in
 * September. Deals outside the window count for nothing.
 */
async function buildHistory(db: Database, f: ScopeFixture, owner = f.managerA1, scale = 1) {
  const created = new Date('2025-09-10T09:00:00Z');
  const deal = (values: Partial<typeof deals.$inferInsert>) =>
    db.insert(deals).values({ title: 'H', pipelineId: f.pipelineId, stageId: f.stages.lost, ownerId: owner.id, amount: '1000.00', createdAt: created, ...values });
  const won = (amount: string, closedAt: string, createdAt = created) =>
    deal({ stageId: f.stages.won, status: 'won', amount: (Number(amount) * scale).toFixed(2), closedAt: new Date(closedAt), furthestStageOrder: 4, createdAt });
  const lost = (furthest: number) => deal({ status: 'lost', lossReasonId: f.lossReasonId, closedAt: new Date('2025-10-01T09:00:00Z'), furthestStageOrder: furthest });
  await won('100000.00', '2025-10-10T09:00:00Z');
  await won('200000.00', '2025-11-09T09:00:00Z');
  await won('300000.00', '2025-11-09T09:00:00Z');
  for (const furthest of [4, 4, 3, 1, 1, 1, 1]) await lost(furthest);
  // Outside the window: won in August 2025 and in March 2026.
  await won('900000.00', '2025-08-20T09:00:00Z', new Date('2025-08-01T09:00:00Z'));
  await won('900000.00', '2026-03-05T09:00:00Z', new Date('2026-03-01T09:00:00Z'));
  const done = (kind: 'call' | 'meeting', at: string) => ({ kind, subject: kind, ownerId: owner.id, doneAt: new Date(at) });
  await db.insert(activities).values([...Array.from({ length: 40 }, () => done('call', '2025-09-15T09:00:00Z')), ...Array.from({ length: 10 }, () => done('meeting', '2025-09-16T09:00:00Z'))]);
}

const FIGURES = { averageWonSize: 200000, winRate: 0.3, callsPerNewDeal: 4, meetingsPerNewDeal: 1 };

describe('the planner arithmetic', () => {
  const history = { wonDeals: 4, wonAmount: 400, cycleDays: 10, newDeals: 20, calls: 100, meetings: 20, reached: [20, 8, 4], won: 4, best: { revenue: 400, wonDeals: 4, newDeals: 20, calls: 100, conversion: 0.2 } };
  it('chains the conversions back from won deals, each stage rounded up on its own', () => {
    // Size 100: 300 → 3 won; Contract 3 / 1 = 3; Meeting 3 / 0.5 = 6; New 3 / 0.2 = 15 → 75 calls, 15 meetings.
    expect(buildPlan(300, history, ['New', 'Meeting', 'Contract'], 10)).toEqual({
      plan: { wonDeals: 3, stageDeals: [15, 6, 3], newDeals: 15, calls: 75, meetings: 15, perWorkingDay: { newDeals: 1.5, calls: 7.5, meetings: 1.5 } },
      flags: [],
    });
  });
  it('refuses to plan through a stage no deal ever reached', () => {
    expect(buildPlan(300, { ...history, reached: [20, 0, 0], won: 0 }, ['New', 'Meeting', 'Contract'], 10)).toEqual({ plan: null, flags: [{ kind: 'stageNeverReached', stage: 'Meeting' }] });
    expect(buildPlan(300, { ...history, won: 0 }, ['New', 'Meeting', 'Contract'], 10).flags).toEqual([{ kind: 'stageNeverReached', stage: null }]);
  });
});

describe.each(DRIVERS)('the target planner on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('gives the exact numbers from a manager\'s own history, within reach', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await buildHistory(db, f);
      const result = await getTargetPlan({ db, actor: f.headA }, { userId: f.managerA1.id, month: '2026-04', revenue: 400000 }, { now: NOW });
      expect(result).toMatchObject({ basis: 'own', window: { from: '2025-09-01', to: '2026-03-01' }, workingDays: { count: 22, basis: 'month' }, pipeline: { stages: ['New', 'Qualification', 'Meeting', 'Contract'] } });
      expect(result.figures).toMatchObject(FIGURES);
      expect(result.figures!.cycleDays).toBeCloseTo(50, 9);
      expect(result.figures!.stepConversions.map((c) => Number(c!.toFixed(6)))).toEqual([0.6, 1, 0.833333, 0.6]);
      // 400 000 / 200 000 = 2 won; Contract 2 / 0.6 → 4; Meeting 2 / 0.5 = 4; Qualification 4; New 2 / 0.3 → 7.
      expect(result.plan).toEqual({ wonDeals: 2, stageDeals: [7, 4, 4, 4], newDeals: 7, calls: 28, meetings: 7, perWorkingDay: { newDeals: 0.3, calls: 1.3, meetings: 0.3 } });
      expect(result.flags).toEqual([]);
      // The team's best and median beside them: A1 is the only one with enough history.
      expect(result.team).toMatchObject({ managers: 1, best: FIGURES, median: FIGURES });
    }));

  it('shows the team\'s median and best beside the manager\'s figures', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await buildHistory(db, f);
      // A2: the same funnel, deals twice the size.
      await buildHistory(db, f, f.managerA2, 2);
      const result = await getTargetPlan({ db, actor: f.headA }, { userId: f.managerA1.id, month: '2026-04', revenue: 400000 }, { now: NOW });
      expect(result.team).toMatchObject({ managers: 2, median: { averageWonSize: 300000, winRate: 0.3 }, best: { averageWonSize: 400000, winRate: 0.3, callsPerNewDeal: 4 } });
      expect(result.figures).toMatchObject({ averageWonSize: 200000 });
    }));

  it('flags what history says is out of reach, with the reason', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await buildHistory(db, f);
      const result = await getTargetPlan({ db, actor: f.headA }, { userId: f.managerA1.id, month: '2026-04', revenue: 1000000 }, { now: NOW });
      // 5 won; Contract 5 / 0.6 → 9; Meeting 10; Qualification 10; New 5 / 0.3 → 17; 68 calls.
      expect(result.plan).toMatchObject({ wonDeals: 5, stageDeals: [17, 10, 10, 9], newDeals: 17, calls: 68, meetings: 17 });
      expect(result.flags).toEqual([
        { kind: 'aboveBestMonth', metric: 'revenue', needed: 1000000, best: 500000 },
        { kind: 'aboveBestMonth', metric: 'won_deals', needed: 5, best: 2 },
        { kind: 'aboveBestMonth', metric: 'new_deals', needed: 17, best: 10 },
        { kind: 'aboveBestMonth', metric: 'calls', needed: 68, best: 40 },
        // 5 won out of at most 15 new deals is 33 %; the best month converted 30 %.
        { kind: 'conversionNeverReached', needed: 5 / 15, best: 0.3 },
      ]);
    }));

  it('falls back to the team\'s figures for a manager with too little history, and says so', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await buildHistory(db, f);
      const newcomer = await getTargetPlan({ db, actor: f.headA }, { userId: f.managerA2.id, month: '2026-04', revenue: 400000 }, { now: NOW });
      expect(newcomer.basis).toBe('team');
      expect(newcomer.own).toMatchObject({ averageWonSize: null, winRate: null });
      expect(newcomer.figures).toMatchObject(FIGURES);
      expect(newcomer.plan).toMatchObject({ wonDeals: 2, newDeals: 7, calls: 28 });
      // A team with no history at all: nothing to plan on.
      const alone = await getTargetPlan({ db, actor: f.headB }, { userId: f.managerB1.id, month: '2026-04', revenue: 400000 }, { now: NOW });
      expect(alone).toMatchObject({ basis: 'none', plan: null, figures: null });
    }));

  it('applies the plan as the manager\'s targets in one click; the manager reads them; scope holds', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await buildHistory(db, f);
      const versions = { revenue: null, won_deals: null, new_deals: null, calls: null, meetings: null };
      const input = { userId: f.managerA1.id, month: '2026-04', revenue: 400000, versions };
      expect(await applyTargetPlan({ db, actor: f.headA }, input, { now: NOW })).toEqual({ revenue: 400000, won_deals: 2, new_deals: 7, calls: 28, meetings: 7 });
      const own = await getTargetGrid({ db, actor: f.managerA1 }, { month: '2026-04' });
      expect(Object.fromEntries(Object.entries(own.rows[0]!.cells).map(([m, c]) => [m, c?.value]))).toEqual({ revenue: '400000.00', won_deals: '2.00', new_deals: '7.00', calls: '28.00', meetings: '7.00' });
      // The same click on a stale screen changes nothing.
      await expect(applyTargetPlan({ db, actor: f.headA }, { ...input, revenue: 600000 }, { now: NOW })).rejects.toMatchObject({ code: 'CONFLICT' });
      // Another team's manager, a manager, an executive's write: refused.
      await expect(getTargetPlan({ db, actor: f.headB }, { userId: f.managerA1.id, month: '2026-04' }, { now: NOW })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(applyTargetPlan({ db, actor: f.headB }, input, { now: NOW })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(getTargetPlan({ db, actor: f.managerA1 }, { userId: f.managerA1.id, month: '2026-04' }, { now: NOW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(createCaller({ db, user: f.executive }).targets.applyPlan(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // Without a revenue given, the planner plans the month's revenue target.
      expect((await getTargetPlan({ db, actor: f.executive }, { userId: f.managerA1.id, month: '2026-04' }, { now: NOW })).revenue).toBe(400000);
    }));
});
