import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { activities, auditLog, deals } from '@/db/schema';
import type { Database } from '@/db/client';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { ServiceError } from '../errors';
import { createTask } from './create-task';
import { logActivity } from './log-activity';
import { completeTask, reassignTask, rescheduleTask } from './task-changes';
import { getWeekCalendar } from './calendar';

async function bookkeeping(db: Database, dealId: number) {
  const [deal] = await db
    .select({ open: deals.openTaskCount, next: deals.nextTaskDueAt, last: deals.lastActivityAt })
    .from(deals)
    .where(eq(deals.id, dealId));
  return deal!;
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: unknown) => (e instanceof ServiceError ? e.code : Promise.reject(e)));

describe.each(DRIVERS)('activities and tasks on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('keeps the deal’s open-task count, next due date and last activity current', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      expect(await bookkeeping(db, f.deals.a1)).toEqual({ open: 0, next: null, last: null });
      const later = await createTask(ctx, { subject: 'Send the offer', dueAt: new Date('2026-11-25T09:00:00Z'), link: { dealId: f.deals.a1 } });
      const sooner = await createTask(ctx, { kind: 'call', subject: 'Call back', dueAt: new Date('2026-11-23T09:00:00Z'), link: { dealId: f.deals.a1 } });
      let state = await bookkeeping(db, f.deals.a1);
      expect(state.open).toBe(2);
      expect(state.next).toEqual(new Date('2026-11-23T09:00:00Z'));
      expect(state.last).not.toBeNull();

      const done = await completeTask(ctx, { id: sooner.id, version: 1, result: 'Agreed on a meeting' });
      expect(done).toMatchObject({ needsNextTask: false });
      state = await bookkeeping(db, f.deals.a1);
      expect([state.open, state.next]).toEqual([1, new Date('2026-11-25T09:00:00Z')]);

      await rescheduleTask(ctx, { id: later.id, version: 1, dueAt: new Date('2026-11-24T12:00:00Z') });
      expect((await bookkeeping(db, f.deals.a1)).next).toEqual(new Date('2026-11-24T12:00:00Z'));

      const last = await completeTask(ctx, { id: later.id, version: 2 });
      expect(last).toMatchObject({ needsNextTask: true, dealId: f.deals.a1 });
      expect(await bookkeeping(db, f.deals.a1)).toMatchObject({ open: 0, next: null });

      await logActivity(ctx, { kind: 'call', subject: 'Client called', direction: 'in', durationSec: 300, link: { dealId: f.deals.a1 } });
      const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, 'activity'));
      expect(audits.map((a) => a.action).sort()).toEqual(['activity.complete', 'activity.complete', 'activity.createTask', 'activity.createTask', 'activity.log', 'activity.reschedule']);
    }));

  it('refuses bad input naming the field and writes nothing', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      await expect(logActivity(ctx, { kind: 'note', subject: 'x', direction: 'in', link: { dealId: f.deals.a1 } })).rejects.toThrow(/direction/);
      await expect(logActivity(ctx, { kind: 'note', subject: 'x', link: {} })).rejects.toThrow(/link/);
      await expect(createTask(ctx, { subject: 'x', dueAt: 'tomorrow' as never, link: { dealId: f.deals.a1 } })).rejects.toThrow(/dueAt/);
      expect(await db.select().from(activities)).toEqual([]);
    }));

  it('keeps tasks within scope: a head plans and reassigns inside the team, a manager only for self', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      expect(await codeOf(createTask({ db, actor: f.managerA1 }, { subject: 'x', dueAt: new Date(), link: { dealId: f.deals.a2 } }))).toBe('BAD_REQUEST');
      expect(await codeOf(createTask({ db, actor: f.managerA1 }, { subject: 'x', dueAt: new Date(), ownerId: f.managerA2.id, link: { dealId: f.deals.a1 } }))).toBe('FORBIDDEN');
      expect(await codeOf(createTask({ db, actor: f.executive }, { subject: 'x', dueAt: new Date(), link: { dealId: f.deals.a1 } }))).toBe('FORBIDDEN');
      const control = await createTask({ db, actor: f.headA }, { subject: 'Call the client today', dueAt: new Date(), ownerId: f.managerA1.id, link: { dealId: f.deals.a1 } });
      const [task] = await db.select().from(activities).where(eq(activities.id, control.id));
      expect(task).toMatchObject({ ownerId: f.managerA1.id, createdBy: f.headA.id });
      expect(await codeOf(completeTask({ db, actor: f.managerA2 }, { id: control.id, version: 1 }))).toBe('NOT_FOUND');
      expect(await codeOf(reassignTask({ db, actor: f.managerA1 }, { id: control.id, version: 1, ownerId: f.managerA2.id }))).toBe('FORBIDDEN');
      expect(await codeOf(reassignTask({ db, actor: f.headA }, { id: control.id, version: 1, ownerId: f.managerB1.id }))).toBe('BAD_REQUEST');
      await reassignTask({ db, actor: f.headA }, { id: control.id, version: 1, ownerId: f.managerA2.id });
      expect(await codeOf(completeTask({ db, actor: f.managerA2 }, { id: control.id, version: 1 }))).toBe('CONFLICT');
      expect(await codeOf(completeTask({ db, actor: f.managerA2 }, { id: control.id, version: 2 }))).toBe('OK');
      expect(await codeOf(completeTask({ db, actor: f.managerA2 }, { id: control.id, version: 3 }))).toBe('BAD_REQUEST');
    }));
});

describe.each(DRIVERS)('the work calendar on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('shows a Monday-to-Sunday week in Moscow time, and a team member’s week only to their head', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      // Sunday 23:30 Moscow = Sunday 20:30 UTC; Monday 00:30 Moscow = Sunday 21:30 UTC.
      await createTask(ctx, { subject: 'Late Sunday', dueAt: new Date('2026-11-22T20:30:00Z'), link: { dealId: f.deals.a1 } });
      await createTask(ctx, { kind: 'meeting', subject: 'Early Monday', dueAt: new Date('2026-11-22T21:30:00Z'), link: { dealId: f.deals.a1 } });
      const week = await getWeekCalendar(ctx, { day: '2026-11-25' });
      expect(week.days[0]).toBe('2026-11-23');
      expect(week.items.map((i) => [i.subject, i.localDay])).toEqual([['Early Monday', '2026-11-23']]);
      const previous = await getWeekCalendar(ctx, { day: '2026-11-22' });
      expect(previous.items.map((i) => [i.subject, i.localDay])).toEqual([['Late Sunday', '2026-11-22']]);
      expect((await getWeekCalendar({ db, actor: f.headA }, { day: '2026-11-25', ownerId: f.managerA1.id })).items).toHaveLength(1);
      expect((await getWeekCalendar({ db, actor: f.headB }, { day: '2026-11-25', ownerId: f.managerA1.id })).items).toHaveLength(0);
      expect((await getWeekCalendar({ db, actor: f.managerA2 }, { day: '2026-11-25', ownerId: f.managerA1.id })).items).toHaveLength(0);
    }));
});
