import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { activities, deals } from '@/db/schema';
import { buildScopeFixture, type ScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import type { Database } from '@/db/client';
import { getPlanFact } from './plan-fact';
import { setTargets } from './target-grid';

// Monday 16 March 2026, noon in Moscow. March 2026 has 21 working days (Mar 9 is a holiday):
// 9 before the 16th, 12 from it on.
const NOW = new Date('2026-03-16T09:00:00Z');

async function buildMonth(db: Database, f: ScopeFixture) {
  const deal = (values: Partial<typeof deals.$inferInsert>) =>
    db.insert(deals).values({ title: 'D', pipelineId: f.pipelineId, stageId: f.stages.new, ownerId: f.managerA1.id, amount: '1000.00', furthestStageOrder: 1, createdAt: new Date('2026-01-10T09:00:00Z'), ...values });
  const won = (owner: number, amount: string, closedAt: string) =>
    deal({ ownerId: owner, stageId: f.stages.won, status: 'won', amount, closedAt: new Date(closedAt), furthestStageOrder: 4 });
  await won(f.managerA1.id, '100000.00', '2026-03-02T08:00:00Z');
  await won(f.managerA1.id, '50000.50', '2026-03-13T20:00:00Z');
  // Closed on 28 Feb at 22:30 Moscow (19:30 UTC): February. 1 March 00:30 Moscow: March.
  await won(f.managerA1.id, '7000.00', '2026-02-28T19:30:00Z');
  await won(f.managerA2.id, '30000.00', '2026-02-28T21:30:00Z');
  await won(f.managerB1.id, '999999.00', '2026-03-05T10:00:00Z');
  await deal({ ownerId: f.managerA1.id, stageId: f.stages.lost, status: 'lost', lossReasonId: f.lossReasonId, closedAt: new Date('2026-03-05T10:00:00Z') });
  // Created this month (the fixture's own deals were created "now" — in November — and do not count).
  await deal({ createdAt: new Date('2026-03-03T10:00:00Z') });
  await deal({ createdAt: new Date('2026-03-04T10:00:00Z'), ownerId: f.managerA2.id });
  // The open pipeline due this month: Meeting 40 %, Contract 80 %; one due in April does not count.
  await deal({ stageId: f.stages.meeting, amount: '10000.00', expectedCloseDate: '2026-03-25' });
  await deal({ stageId: f.stages.contract, amount: '20000.00', expectedCloseDate: '2026-03-31' });
  await deal({ stageId: f.stages.contract, amount: '90000.00', expectedCloseDate: '2026-04-01' });
  const activity = (kind: 'call' | 'meeting', owner: number, doneAt: string) => ({ kind, subject: kind, ownerId: owner, doneAt: new Date(doneAt) });
  await db.insert(activities).values([
    activity('call', f.managerA1.id, '2026-03-02T10:00:00Z'),
    activity('call', f.managerA1.id, '2026-03-10T10:00:00Z'),
    activity('call', f.managerA1.id, '2026-03-12T10:00:00Z'),
    activity('meeting', f.managerA1.id, '2026-03-12T12:00:00Z'),
    activity('call', f.managerA1.id, '2026-02-27T10:00:00Z'),
    activity('call', f.managerA2.id, '2026-03-03T10:00:00Z'),
  ]);
}

/** The same figures straight from the rows. */
async function direct(db: Database, owner: number) {
  const [row] = rowsOf<{ revenue: string; won: number; created: number; calls: number; meetings: number; weighted: string }>(
    await db.execute(sql`
      select (select coalesce(sum(amount), 0) from deals where owner_id = ${owner} and status = 'won'
                and closed_at >= '2026-03-01 00:00 Europe/Moscow' and closed_at < '2026-04-01 00:00 Europe/Moscow')::text as revenue,
             (select count(*) from deals where owner_id = ${owner} and status = 'won'
                and closed_at >= '2026-03-01 00:00 Europe/Moscow' and closed_at < '2026-04-01 00:00 Europe/Moscow')::int as won,
             (select count(*) from deals where owner_id = ${owner}
                and created_at >= '2026-03-01 00:00 Europe/Moscow' and created_at < '2026-04-01 00:00 Europe/Moscow')::int as created,
             (select count(*) from activities where owner_id = ${owner} and kind = 'call' and done_at >= '2026-03-01 00:00 Europe/Moscow' and done_at < '2026-04-01 00:00 Europe/Moscow')::int as calls,
             (select count(*) from activities where owner_id = ${owner} and kind = 'meeting' and done_at >= '2026-03-01 00:00 Europe/Moscow' and done_at < '2026-04-01 00:00 Europe/Moscow')::int as meetings,
             (select coalesce(sum(d.amount * s.probability / 100), 0) from deals d join stages s on s.id = d.stage_id
                where d.owner_id = ${owner} and d.status = 'open' and d.expected_close_date between '2026-03-01' and '2026-03-31')::text as weighted`),
  );
  return row!;
}

describe.each(DRIVERS)('plan vs fact on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('equals direct SQL per manager and for the team, paced on the production calendar', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await buildMonth(db, f);
      await setTargets({ db, actor: f.headA }, {
        month: '2026-03',
        changes: [
          { subject: { userId: f.managerA1.id }, metric: 'revenue', value: 420000, version: null },
          { subject: { userId: f.managerA1.id }, metric: 'calls', value: 42, version: null },
          { subject: { userId: f.managerA2.id }, metric: 'revenue', value: 210000, version: null },
        ],
      });
      const result = await getPlanFact({ db, actor: f.headA }, { month: '2026-03' }, { now: NOW });
      expect(result.clock).toMatchObject({ from: '2026-03-01', to: '2026-04-01', today: '2026-03-16', workingDays: { total: 21, passed: 9, left: 12 }, over: false });
      for (const manager of [f.managerA1, f.managerA2]) {
        const expected = await direct(db, manager.id);
        const got = result.managers.find((m) => m.userId === manager.id)!.metrics;
        expect(got.revenue.fact).toBe(Number(expected.revenue));
        expect(got.won_deals.fact).toBe(expected.won);
        expect(got.new_deals.fact).toBe(expected.created);
        expect(got.calls.fact).toBe(expected.calls);
        expect(got.meetings.fact).toBe(expected.meetings);
        expect(got.revenue.forecast).toBeCloseTo(Number(expected.revenue) + Number(expected.weighted), 2);
      }
      const a1 = result.managers.find((m) => m.userId === f.managerA1.id)!.metrics;
      // 150000.50 won; 4000 + 16000 weighted due in March.
      expect(a1.revenue).toEqual({ target: 420000, fact: 150000.5, expectedByNow: 180000, forecast: 170000.5, progress: 150000.5 / 420000 });
      expect(a1.won_deals).toMatchObject({ target: null, fact: 2, forecast: 3.2, progress: null });
      // 3 calls in 9 working days: 3 + 3/9 × 12 = 7 by the month's end.
      expect(a1.calls).toMatchObject({ target: 42, fact: 3, expectedByNow: 18, forecast: 7 });
      // The team: its members' facts (A2's deal closed at 00:30 on 1 March Moscow time; team B's
      // deal is not one of them); no team target of its own → its members' sum.
      expect(result.team!.metrics.revenue).toMatchObject({ target: 630000, fact: 180000.5 });
      expect(result.team!.metrics.new_deals.fact).toBe(2);
      // A team target of its own stands for the team.
      await setTargets({ db, actor: f.admin }, { month: '2026-03', changes: [{ subject: { teamId: result.teamId }, metric: 'revenue', value: 700000, version: null }] });
      expect((await getPlanFact({ db, actor: f.headA }, { month: '2026-03' }, { now: NOW })).team!.metrics.revenue.target).toBe(700000);
      // A month that is over has no forecast beyond its fact.
      const february = await getPlanFact({ db, actor: f.headA }, { month: '2026-02' }, { now: NOW });
      expect(february.clock).toMatchObject({ over: true, workingDays: { total: 19, passed: 19, left: 0 } });
      expect(february.managers.find((m) => m.userId === f.managerA1.id)!.metrics.revenue).toMatchObject({ fact: 7000, forecast: 7000 });
    }));

  it('shows a manager only own figures, a head only the own team', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await buildMonth(db, f);
      const own = await getPlanFact({ db, actor: f.managerA1 }, { month: '2026-03' }, { now: NOW });
      expect(own.managers.map((m) => m.userId)).toEqual([f.managerA1.id]);
      expect(own.team).toBeNull();
      const teamB = (await getPlanFact({ db, actor: f.headB }, {}, { now: NOW })).teamId;
      await expect(getPlanFact({ db, actor: f.headA }, { teamId: teamB }, { now: NOW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(getPlanFact({ db, actor: f.managerA1 }, { teamId: teamB }, { now: NOW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const byExecutive = await getPlanFact({ db, actor: f.executive }, { month: '2026-03', teamId: teamB }, { now: NOW });
      expect(byExecutive.managers.map((m) => m.userId)).toEqual([f.managerB1.id]);
      expect(byExecutive.managers[0]!.metrics.revenue.fact).toBe(999999);
    }));
});
