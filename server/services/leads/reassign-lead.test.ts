import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { activities, auditLog, junkReasons, leads } from '@/db/schema';
import type { Database } from '@/db/client';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture, type ScopeFixture } from '@/test/fixtures';
import { assignLeads } from './distribution/distribute-leads';
import { reassignLead } from './reassign-lead';

const NOW = new Date('2026-11-20T09:00:00Z');

/** An open lead of manager A1 (team A), with the first task distribution gives it. */
async function assignedLead(db: Database, f: ScopeFixture, status: 'new' | 'in_progress' = 'new') {
  const [lead] = await db.insert(leads).values({ title: 'Заявка с сайта', personName: 'Иван Петров', status, teamId: f.managerA1.teamId }).returning();
  await assignLeads(db, [{ leadId: lead!.id, ownerId: f.managerA1.id }], new Date('2026-11-19T09:00:00Z'), 'lead.assign');
  return (await db.select().from(leads).where(eq(leads.id, lead!.id)))[0]!;
}

const code = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: { code?: string }) => error.code);

describe.each(DRIVERS)('reassigning a lead by hand, on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('a head hands an open lead to a colleague in the team: owner, fresh deadline, first task, audited as the head', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const lead = await assignedLead(db, f);
      const result = await reassignLead({ db, actor: f.headA }, { id: lead.id, version: lead.version, ownerId: f.managerA2.id }, { now: NOW });
      expect(result).toEqual({ id: lead.id, version: lead.version + 1 });
      const [saved] = await db.select().from(leads).where(eq(leads.id, lead.id));
      expect(saved).toMatchObject({ ownerId: f.managerA2.id, teamId: f.managerA1.teamId, assignedAt: NOW, version: lead.version + 1 });
      expect(saved!.responseDueAt!.getTime()).toBeGreaterThan(NOW.getTime());
      const tasks = await db.select().from(activities).where(and(eq(activities.leadId, lead.id), eq(activities.kind, 'task')));
      expect(tasks.map((t) => t.ownerId)).toEqual([f.managerA2.id]);
      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'lead.reassign'), eq(auditLog.entityId, lead.id)));
      expect(entry).toMatchObject({ actorId: f.headA.id, changes: { ownerId: [f.managerA1.id, f.managerA2.id] } });
    }));

  it('an admin may hand a lead to another team: the lead joins that team', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const lead = await assignedLead(db, f, 'in_progress');
      await reassignLead({ db, actor: f.admin }, { id: lead.id, version: lead.version, ownerId: f.managerB1.id }, { now: NOW });
      const [saved] = await db.select().from(leads).where(eq(leads.id, lead.id));
      expect(saved).toMatchObject({ ownerId: f.managerB1.id, teamId: f.managerB1.teamId, status: 'in_progress' });
      const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, 'lead.reassign'), eq(auditLog.entityId, lead.id)));
      expect(entries.map((e) => e.changes.teamId).filter(Boolean)).toEqual([[f.managerA1.teamId, f.managerB1.teamId]]);
    }));

  it('refuses managers, other teams, stale versions and closed leads, writing nothing', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const lead = await assignedLead(db, f);
      const input = { id: lead.id, version: lead.version, ownerId: f.managerA2.id };
      expect(await code(reassignLead({ db, actor: f.managerA1 }, input))).toBe('FORBIDDEN');
      expect(await code(reassignLead({ db, actor: f.headB }, { ...input, ownerId: f.managerB1.id }))).toBe('NOT_FOUND');
      expect(await code(reassignLead({ db, actor: f.headA }, { ...input, ownerId: f.managerB1.id }))).toBe('BAD_REQUEST');
      expect(await code(reassignLead({ db, actor: f.headA }, { ...input, ownerId: f.deactivated.id }))).toBe('BAD_REQUEST');
      expect(await code(reassignLead({ db, actor: f.headA }, { ...input, version: lead.version - 1 }))).toBe('CONFLICT');
      const [reason] = await db.insert(junkReasons).values({ code: 'spam-reassign', nameRu: 'Спам', nameEn: 'Spam' }).returning();
      await db.update(leads).set({ status: 'junk', junkReasonId: reason!.id, junkedAt: NOW, version: lead.version + 1 }).where(eq(leads.id, lead.id));
      expect(await code(reassignLead({ db, actor: f.headA }, { ...input, version: lead.version + 1 }))).toBe('BAD_REQUEST');
      const [saved] = await db.select().from(leads).where(eq(leads.id, lead.id));
      expect(saved!.ownerId).toBe(f.managerA1.id);
      expect(await db.select().from(auditLog).where(eq(auditLog.action, 'lead.reassign'))).toEqual([]);
    }));
});
