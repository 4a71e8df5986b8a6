import { describe, expect, it } from 'vitest';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { activities, auditLog, deals, feedback, proposalVersions, proposals, stages } from '@/db/schema';
import { openDatabase, rowsOf } from '@/db/client';
import { DRIVERS, inRollback, openFreshDatabase, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture, type ScopeFixture } from '@/test/fixtures';
import type { Database } from '@/db/client';
import { databaseUrl } from '@/test/postgres-server';
import { runAutomations } from './run-automations';

const NOW = new Date('2026-11-22T09:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

/** One deal of each kind the rules look for, and one just outside each rule's window. */
async function arrange(db: Database, f: ScopeFixture) {
  const [sentProposal] = await db.insert(proposals).values({ number: 9001, dealId: f.deals.a1, ownerId: f.managerA1.id, title: 'КП' }).returning();
  await db.insert(proposalVersions).values([
    { proposalId: sentProposal!.id, versionNo: 1, status: 'sent', sentAt: daysAgo(8) },
    { proposalId: sentProposal!.id, versionNo: 2, status: 'sent', sentAt: daysAgo(3) }, // too recent
  ]);
  await db.update(deals).set({ status: 'won', stageId: f.stages.won, closedAt: daysAgo(16) }).where(eq(deals.id, f.deals.a2));
  await db.update(deals).set({ status: 'won', stageId: f.stages.won, closedAt: daysAgo(16) }).where(eq(deals.id, f.deals.headA));
  await db.insert(feedback).values({ dealId: f.deals.headA, sentiment: 'positive', text: 'Спасибо', ownerId: f.headA.id }); // already has feedback
  await db.update(stages).set({ defaultTaskSubject: 'Провести встречу', defaultTaskDueHours: 48 }).where(eq(stages.id, f.stages.meeting));
  await db.update(deals).set({ stageId: f.stages.meeting, stageEnteredAt: daysAgo(1) }).where(eq(deals.id, f.deals.b1));
}

async function automated(db: Database) {
  return db
    .select({ key: activities.automationKey, dealId: activities.dealId, ownerId: activities.ownerId, dueAt: activities.dueAt })
    .from(activities)
    .where(isNotNull(activities.automationKey))
    .orderBy(activities.automationKey);
}

describe.each(DRIVERS)('follow-up automations on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('creates each due task once, and nothing when run again', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await arrange(db, f);
      const first = await runAutomations(db, NOW);
      expect(first.created).toEqual({ 'proposal-follow-up': 1, 'feedback-request': 1, 'stage-default-task': 1 });
      const tasks = await automated(db);
      expect(tasks.map((t) => [t.key!.split(':')[0], t.dealId, t.ownerId])).toEqual([
        ['feedback-request', f.deals.a2, f.managerA2.id],
        ['proposal-follow-up', f.deals.a1, f.managerA1.id],
        ['stage-default-task', f.deals.b1, f.managerB1.id],
      ]);
      expect(tasks.find((t) => t.dealId === f.deals.b1)!.dueAt).toEqual(new Date(daysAgo(1).getTime() + 48 * 3_600_000));
      const [dealA1] = await db.select().from(deals).where(eq(deals.id, f.deals.a1));
      expect(dealA1).toMatchObject({ openTaskCount: 1, nextTaskDueAt: NOW });

      const second = await runAutomations(db, NOW);
      expect(second.created).toEqual({ 'proposal-follow-up': 0, 'feedback-request': 0, 'stage-default-task': 0 });
      expect(await automated(db)).toHaveLength(3);
      const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'activity.automate'));
      expect(audits).toHaveLength(3);
    }));

  it('never back-fills history older than its window', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await db.update(deals).set({ status: 'won', stageId: f.stages.won, closedAt: daysAgo(400) }).where(eq(deals.id, f.deals.a2));
      expect((await runAutomations(db, NOW)).created['feedback-request']).toBe(0);
    }));
});

describe('two servers running the automations at once (PostgreSQL)', () => {
  it('create each task exactly once', async () => {
    const owner = await openFreshDatabase('postgres');
    const name = new URL(owner.url!).pathname.slice(1);
    const second = await openDatabase({ url: databaseUrl(name), maxConnections: 2 });
    try {
      const f = await buildScopeFixture(owner.db);
      await arrange(owner.db, f);
      const reports = await Promise.all([runAutomations(owner.db, NOW), runAutomations(second.db, NOW), runAutomations(owner.db, NOW)]);
      const created = reports.flatMap((r) => Object.values(r.created)).reduce((sum, n) => sum + n, 0);
      expect(created).toBe(3);
      const [dupes] = rowsOf<{ n: number }>(await owner.db.execute(sql`select count(*)::int as n from (select automation_key from activities where automation_key is not null group by 1 having count(*) > 1) x`));
      expect(dupes!.n).toBe(0);
      expect(await owner.db.select().from(activities).where(and(isNotNull(activities.automationKey)))).toHaveLength(3);
    } finally {
      await second.close();
      await owner.close();
    }
  });
});
