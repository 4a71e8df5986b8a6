import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { activities, auditLog, companies, deals, feedback } from '@/db/schema';
import { createCaller } from '@/server/trpc/root';
import { buildScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { runAutomations } from '../automations/run-automations';
import { listDealActivities } from '../activities/list-deal-activities';
import { createFeedback, listCompanyFeedback, listDealFeedback } from './feedback';

describe.each(DRIVERS)('client feedback on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('a negative review is flagged on the client card and to the head at once; it closes the "collect feedback" task', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [company] = await db.insert(companies).values({ name: 'ООО Ромашка', ownerId: f.managerA1.id }).returning();
      const wonAt = new Date(Date.now() - 16 * 86_400_000);
      await db.update(deals).set({ companyId: company!.id, status: 'won', stageId: f.stages.won, closedAt: wonAt }).where(eq(deals.id, f.deals.a1));
      // The 15-days-after-won automation asks the owner for feedback.
      expect((await runAutomations(db)).created['feedback-request']).toBe(1);
      const key = `feedback-request:${f.deals.a1}`;
      // Its timeline entry links to the deal's feedback form.
      const timeline = await listDealActivities({ db, actor: f.managerA1 }, { dealId: f.deals.a1 });
      expect(timeline.find((a) => a.subject === 'Собрать отзыв клиента')).toMatchObject({ feedbackDealId: f.deals.a1 });
      expect(timeline.every((a) => a.subject === 'Собрать отзыв клиента' || a.feedbackDealId === null)).toBe(true);
      const ctx = { db, actor: f.managerA1 };
      const result = await createFeedback(ctx, { dealId: f.deals.a1, sentiment: 'negative', text: 'Долгая доставка' });
      expect(result.headTaskId).not.toBeNull();
      const [headTask] = await db.select().from(activities).where(eq(activities.id, result.headTaskId!));
      expect(headTask).toMatchObject({ ownerId: f.headA.id, dealId: f.deals.a1, companyId: company!.id, kind: 'task', doneAt: null });
      expect(headTask!.dueAt!.getTime()).toBeLessThanOrEqual(Date.now());
      const [request] = await db.select().from(activities).where(eq(activities.automationKey, key));
      expect(request!.doneAt).toBeInstanceOf(Date);
      const [row] = await db.select().from(feedback).where(eq(feedback.id, result.id));
      expect(row).toMatchObject({ companyId: company!.id, ownerId: f.managerA1.id, sentiment: 'negative' });
      expect(await listCompanyFeedback(ctx, { companyId: company!.id })).toMatchObject({ negative: 1, items: [{ text: 'Долгая доставка' }] });
      expect(await listDealFeedback({ db, actor: f.headA }, { dealId: f.deals.a1 })).toHaveLength(1);
      // Another team's head sees no flag.
      expect(await listCompanyFeedback({ db, actor: f.headB }, { companyId: company!.id })).toEqual({ negative: 0, items: [] });
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'feedback.create'), eq(auditLog.entityId, result.id)));
      expect(audit!.changes).toMatchObject({ sentiment: [null, 'negative'], headTaskId: [null, result.headTaskId] });
      // With feedback in, the automation never asks again.
      expect((await runAutomations(db)).created['feedback-request']).toBe(0);
    }));

  it('a positive review tells nobody; bad input names the field; a lost deal takes none', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const positive = await createFeedback({ db, actor: f.managerA1 }, { dealId: f.deals.a1, sentiment: 'positive', text: 'Всё отлично' });
      expect(positive.headTaskId).toBeNull();
      // The head recording a negative review on a team deal needs no task to tell themselves.
      expect((await createFeedback({ db, actor: f.headA }, { dealId: f.deals.a2, sentiment: 'negative', text: 'Плохо' })).headTaskId).toBeNull();
      const caller = createCaller({ db, user: f.managerA1 });
      await expect(caller.feedback.create({ dealId: f.deals.a1, sentiment: 'neutral' as never, text: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('sentiment') });
      await expect(caller.feedback.create({ dealId: f.deals.a1, sentiment: 'positive', text: '  ' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('text') });
      await db.update(deals).set({ status: 'lost', stageId: f.stages.lost, closedAt: new Date(), lossReasonId: f.lossReasonId }).where(eq(deals.id, f.deals.a1));
      await expect(caller.feedback.create({ dealId: f.deals.a1, sentiment: 'positive', text: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect(await db.select().from(feedback)).toHaveLength(2);
    }));
});
