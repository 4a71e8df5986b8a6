import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { activities, auditLog, companies, contacts, deals, leads, teams, users } from '@/db/schema';
import { authenticate } from '@/server/auth/authenticate';
import { hashPassword } from '@/server/auth/password';
import { loadActiveUser } from '@/server/auth/session-user';
import { createCaller } from '@/server/trpc/root';
import { buildScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { deactivateUser, reactivateUser } from './deactivate-user';
import { getUserForAdmin } from './list-users';

describe.each(DRIVERS)('deactivating a user on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('hands every open record to the chosen colleague in one go, keeps history, and kills the session', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const leaving = f.managerA1;
      await db.update(users).set({ passwordHash: await hashPassword('leaving-pass-2026') }).where(eq(users.id, leaving.id));
      const signedIn = await authenticate(db, { email: leaving.email, password: 'leaving-pass-2026', clientAddress: null });
      if (!signedIn.ok) throw new Error('sign-in failed');
      // The session as the JWT carries it works before the deactivation.
      expect(await loadActiveUser(db, signedIn.userId, signedIn.sessionEpoch)).toMatchObject({ id: leaving.id });

      const [won] = await db.insert(deals).values({ title: 'Won long ago', pipelineId: f.pipelineId, stageId: f.stages.won, status: 'won', closedAt: new Date('2026-01-10T10:00:00Z'), ownerId: leaving.id, amount: '500.00', furthestStageOrder: 4 }).returning({ id: deals.id });
      const [company] = await db.insert(companies).values({ name: 'Ромашка', ownerId: leaving.id }).returning({ id: companies.id });
      const [contact] = await db.insert(contacts).values({ lastName: 'Петров', ownerId: leaving.id, companyId: company!.id }).returning({ id: contacts.id });
      const [openLead] = await db.insert(leads).values({ title: 'Open lead', ownerId: leaving.id, status: 'in_progress' }).returning({ id: leads.id });
      const [task] = await db.insert(activities).values({ kind: 'task', subject: 'Call back', ownerId: leaving.id, dealId: f.deals.a1, dueAt: new Date('2026-12-01T10:00:00Z') }).returning({ id: activities.id });
      const [doneCall] = await db.insert(activities).values({ kind: 'call', subject: 'Done call', ownerId: leaving.id, direction: 'out', durationSec: 30, doneAt: new Date('2026-05-01T10:00:00Z') }).returning({ id: activities.id });

      const admin = { db, actor: f.admin };
      const before = await getUserForAdmin(admin, leaving.id);
      expect(before.owned).toEqual({ deals: 1, leads: 1, tasks: 1, clients: 2 });
      // With open work and nobody to take it, nothing happens.
      await expect(deactivateUser(admin, { id: leaving.id, version: 1, successorId: null })).rejects.toThrow(/successorId/);
      await expect(deactivateUser(admin, { id: leaving.id, version: 1, successorId: f.executive.id })).rejects.toThrow(/successorId/);
      await expect(deactivateUser(admin, { id: leaving.id, version: 1, successorId: f.deactivated.id })).rejects.toThrow(/successorId/);
      expect((await loadActiveUser(db, leaving.id))).not.toBeNull();

      const result = await deactivateUser(admin, { id: leaving.id, version: 1, successorId: f.managerA2.id });
      expect(result.handedOver).toEqual({ deal: 1, lead: 1, activity: 1, company: 1, contact: 1, proposal: 0, invoice: 0 });

      const ownerOf = async (table: typeof deals | typeof leads | typeof activities | typeof companies | typeof contacts, id: number) => (await db.select({ ownerId: table.ownerId }).from(table).where(eq(table.id, id)))[0]!.ownerId;
      expect(await ownerOf(deals, f.deals.a1)).toBe(f.managerA2.id);
      expect(await ownerOf(leads, openLead!.id)).toBe(f.managerA2.id);
      expect(await ownerOf(activities, task!.id)).toBe(f.managerA2.id);
      expect(await ownerOf(companies, company!.id)).toBe(f.managerA2.id);
      expect(await ownerOf(contacts, contact!.id)).toBe(f.managerA2.id);
      // History stays with the person who made it.
      expect(await ownerOf(deals, won!.id)).toBe(leaving.id);
      expect(await ownerOf(activities, doneCall!.id)).toBe(leaving.id);
      // Nothing open is left without an active owner.
      expect((await getUserForAdmin(admin, leaving.id)).owned).toEqual({ deals: 0, leads: 0, tasks: 0, clients: 0 });
      const [handedDeal] = await db.select({ version: deals.version }).from(deals).where(eq(deals.id, f.deals.a1));
      expect(handedDeal!.version).toBe(2);

      const audits = await db.select().from(auditLog).where(and(eq(auditLog.actorId, f.admin.id), inArray(auditLog.action, ['deal.handover', 'user.deactivate'])));
      expect(audits.find((a) => a.action === 'deal.handover')).toMatchObject({ entityId: f.deals.a1, changes: { ownerId: [leaving.id, f.managerA2.id] } });
      expect(audits.find((a) => a.action === 'user.deactivate')).toMatchObject({ entityId: leaving.id, changes: { isActive: [true, false] } });

      // The old token is refused: its user is inactive and its epoch is stale.
      const sessionUser = await loadActiveUser(db, signedIn.userId, signedIn.sessionEpoch);
      expect(sessionUser).toBeNull();
      const refusal = await createCaller({ db, user: sessionUser }).deals.list({}).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(TRPCError);
      expect(refusal).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(await authenticate(db, { email: leaving.email, password: 'leaving-pass-2026', clientAddress: null })).toEqual({ ok: false, reason: 'invalid' });

      // Brought back, the old token still does not work (the epoch moved on); a new sign-in does.
      await reactivateUser(admin, { id: leaving.id, version: 2 });
      expect(await loadActiveUser(db, signedIn.userId, signedIn.sessionEpoch)).toBeNull();
      const again = await authenticate(db, { email: leaving.email, password: 'leaving-pass-2026', clientAddress: null });
      expect(again).toMatchObject({ ok: true, sessionEpoch: signedIn.sessionEpoch + 1 });
    }));

  it('takes the team headship away from a head who leaves; handed leads join the successor’s team', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [lead] = await db.insert(leads).values({ title: 'Of head B', ownerId: f.headB.id, teamId: f.headB.teamId }).returning({ id: leads.id });
      await deactivateUser({ db, actor: f.admin }, { id: f.headB.id, version: 1, successorId: f.managerA1.id });
      expect((await db.select({ ownerId: leads.ownerId, teamId: leads.teamId }).from(leads).where(eq(leads.id, lead!.id)))[0]).toEqual({ ownerId: f.managerA1.id, teamId: f.managerA1.teamId });
      const [team] = await db.select({ headId: teams.headId }).from(teams).where(eq(teams.id, f.headB.teamId!));
      expect(team!.headId).toBeNull();
    }));

  it('never deactivates the last active admin, nor lets an admin deactivate themself', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [second] = await db.insert(users).values({ email: 'second.admin@test.local', name: 'Second Admin', role: 'admin', passwordHash: 'x' }).returning({ id: users.id });
      const secondAdmin = { ...f.admin, id: second!.id, email: 'second.admin@test.local', name: 'Second Admin' };
      await expect(deactivateUser({ db, actor: f.admin }, { id: f.admin.id, version: 1, successorId: null })).rejects.toThrow(/yourself/);
      // Two admins: one may deactivate the other, then the remaining one is the last.
      await deactivateUser({ db, actor: f.admin }, { id: secondAdmin.id, version: 1, successorId: null });
      await db.update(users).set({ isActive: true, deactivatedAt: null }).where(eq(users.id, secondAdmin.id));
      await db.update(users).set({ isActive: false, deactivatedAt: new Date() }).where(eq(users.id, f.admin.id));
      // secondAdmin is now the only active admin: an admin role change or deactivation of them is refused.
      const caller = createCaller({ db, user: secondAdmin });
      await expect(caller.users.update({ id: secondAdmin.id, version: 2, role: 'manager' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('last active admin') });
      const [row] = await db.select({ role: users.role, isActive: users.isActive }).from(users).where(eq(users.id, secondAdmin.id));
      expect(row).toEqual({ role: 'admin', isActive: true });
    }));
});
