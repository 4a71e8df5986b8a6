import { describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, leads, teams, users } from '@/db/schema';
import { authenticate } from '@/server/auth/authenticate';
import { loadActiveUser } from '@/server/auth/session-user';
import { createCaller } from '@/server/trpc/root';
import { buildScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { createUser } from './create-user';
import { passwordWeakness } from './password-policy';
import { createTeam, setTeamHead } from './teams';
import { updateUser } from './update-user';
import { changeOwnPassword, issuePasswordLink, passwordLinkIsValid, resetPasswordWithLink, setUserPassword } from './user-password';

describe('password strength rules', () => {
  const person = { email: 'anna.petrova@firm.ru', name: 'Anna Petrova' };
  it.each([
    ['short1', /at least 10/],
    ['onlyletterslong', /letter and a digit/],
    ['12345678901', /letter and a digit/],
    ['password123', /well-known/],
    ['petrova-2026', /name or e-mail/],
  ])('refuses %s', (password, reason) => {
    expect(passwordWeakness(password, person)).toMatch(reason);
  });
  it('accepts a long mixed password', () => expect(passwordWeakness('sunny-river-42', person)).toBeNull());
});

describe.each(DRIVERS)('users and teams administration on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('creates a user who can sign in, refuses a taken e-mail and a weak password, audited without the hash', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const admin = { db, actor: f.admin };
      const input = { name: 'Olga Smirnova', email: 'Olga@Firm.ru', role: 'manager' as const, teamId: f.headA.teamId, locale: 'ru' as const, password: 'sunny-river-42' };
      const { id } = await createUser(admin, input);
      expect(await authenticate(db, { email: 'olga@firm.ru', password: 'sunny-river-42', clientAddress: null })).toMatchObject({ ok: true, userId: id });
      await expect(createUser(admin, { ...input, email: 'olga@firm.ru' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('email') });
      await expect(createCaller({ db, user: f.admin }).users.create({ ...input, email: 'other@firm.ru', password: 'short' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('password') });
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.create'), eq(auditLog.entityId, id)));
      expect(audit!.changes).toMatchObject({ email: [null, 'olga@firm.ru'], role: [null, 'manager'], passwordSet: [false, true] });
      expect(JSON.stringify(audit!.changes)).not.toContain('argon2');
    }));

  it('moves a user between teams and makes a head; moving the head away leaves the team without one', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const admin = { db, actor: f.admin };
      const team = await createTeam(admin, { name: 'Team C' });
      const [lead] = await db.insert(leads).values({ title: 'Follows its owner', ownerId: f.managerA2.id, teamId: f.managerA2.teamId }).returning({ id: leads.id });
      await updateUser(admin, { id: f.managerA2.id, version: 1, teamId: team.id });
      // A lead belongs to its owner's team.
      expect((await db.select({ teamId: leads.teamId }).from(leads).where(eq(leads.id, lead!.id)))[0]!.teamId).toBe(team.id);
      await setTeamHead(admin, { id: team.id, version: 1, headId: f.managerA2.id });
      expect((await db.select().from(users).where(eq(users.id, f.managerA2.id)))[0]).toMatchObject({ role: 'head', teamId: team.id, version: 3 });
      expect((await db.select().from(teams).where(eq(teams.id, team.id)))[0]).toMatchObject({ headId: f.managerA2.id });
      await updateUser(admin, { id: f.managerA2.id, version: 3, teamId: f.headB.teamId });
      expect((await db.select().from(teams).where(eq(teams.id, team.id)))[0]!.headId).toBeNull();
      await expect(updateUser(admin, { id: f.managerA2.id, version: 3, name: 'Stale' })).rejects.toMatchObject({ code: 'CONFLICT' });
    }));

  it('a new password ends older sessions; a one-time link works once; the own password needs the current one', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const admin = { db, actor: f.admin };
      await setUserPassword(admin, { id: f.managerB1.id, password: 'first-secret-11' });
      const first = await authenticate(db, { email: f.managerB1.email, password: 'first-secret-11', clientAddress: null });
      if (!first.ok) throw new Error('sign-in failed');
      expect(await loadActiveUser(db, first.userId, first.sessionEpoch)).not.toBeNull();

      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      const link = await issuePasswordLink(admin, { id: f.managerB1.id });
      expect(log.mock.calls.flat().join(' ')).toContain(`/reset-password/${link.token}`);
      log.mockRestore();
      expect(await passwordLinkIsValid(db, link.token)).toBe(true);
      await expect(resetPasswordWithLink(db, { token: link.token, password: 'weak' })).rejects.toThrow(/password/);
      await resetPasswordWithLink(db, { token: link.token, password: 'second-secret-22' });
      // The session signed before is over; the link is spent.
      expect(await loadActiveUser(db, first.userId, first.sessionEpoch)).toBeNull();
      expect(await passwordLinkIsValid(db, link.token)).toBe(false);
      await expect(resetPasswordWithLink(db, { token: link.token, password: 'third-secret-33' })).rejects.toThrow(/token/);
      expect(await authenticate(db, { email: f.managerB1.email, password: 'second-secret-22', clientAddress: null })).toMatchObject({ ok: true });
      // An expired link does not work either.
      const later = await issuePasswordLink(admin, { id: f.managerB1.id }, new Date(Date.now() - 25 * 3_600_000));
      await expect(resetPasswordWithLink(db, { token: later.token, password: 'fourth-secret-44' })).rejects.toThrow(/token/);

      const me = { db, actor: f.managerB1 };
      await expect(changeOwnPassword(me, { currentPassword: 'wrong-one-1', newPassword: 'fifth-secret-55' })).rejects.toThrow(/currentPassword/);
      await changeOwnPassword(me, { currentPassword: 'second-secret-22', newPassword: 'fifth-secret-55' });
      expect(await authenticate(db, { email: f.managerB1.email, password: 'fifth-secret-55', clientAddress: null })).toMatchObject({ ok: true });
    }));
});
