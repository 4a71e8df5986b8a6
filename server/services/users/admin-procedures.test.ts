import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { users } from '@/db/schema';
import { appRouter, createCaller } from '@/server/trpc/root';
import { buildScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import type { SessionUser } from '@/server/auth/session-user';
import type { Database } from '@/db/client';

/** The admin's namespaces; every procedure in them is the admin's alone (bar the listed reads). */
const ADMIN_NAMESPACES = ['users', 'referenceLists', 'products', 'organisation', 'audit', 'leadSources', 'apiKeys', 'pipelines'];
const OPEN_TO_EVERY_ROLE = new Set(['products.active']);

const adminProcedurePaths = Object.keys(appRouter._def.procedures).filter((path) => ADMIN_NAMESPACES.includes(path.split('.')[0]!) && !OPEN_TO_EVERY_ROLE.has(path));

/** Calls a procedure by its dotted path with a plausible escalation payload, returning the error code. */
async function codeOf(db: Database, user: SessionUser, path: string, input: unknown) {
  let target: unknown = createCaller({ db, user });
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  try {
    await (target as (input: unknown) => Promise<unknown>)(input);
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe.each(DRIVERS)('role escalation through admin procedures on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('finds the admin procedures to try', () => {
    expect(adminProcedurePaths).toEqual(expect.arrayContaining(['users.create', 'users.update', 'users.deactivate', 'users.setPassword', 'referenceLists.setArchived', 'audit.list', 'organisation.updateSettings']));
  });

  it('refuses every other role on every admin procedure, whatever the input, and changes nothing', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      for (const actor of [f.managerA1, f.headA, f.executive]) {
        // The payload tries to make the caller an admin; the role check comes before the input.
        const payload = { id: actor.id, version: 1, role: 'admin', name: 'Me', email: actor.email, teamId: null, locale: null, list: 'lossReasons', nameRu: 'x', nameEn: 'x' };
        for (const path of adminProcedurePaths) {
          expect({ path, role: actor.role, code: await codeOf(db, actor, path, payload) }).toEqual({ path, role: actor.role, code: 'FORBIDDEN' });
        }
        const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, actor.id));
        expect(row!.role).toBe(actor.role);
      }
    }));

  it('refuses a role, team or e-mail sent through the own profile, and a session without an active user', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const caller = createCaller({ db, user: f.managerA1 });
      for (const extra of [{ role: 'admin' }, { teamId: f.headB.teamId }, { email: 'boss@test.local' }]) {
        await expect(caller.profile.update({ name: 'Raised', ...extra } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      }
      const [row] = await db.select({ role: users.role, name: users.name, teamId: users.teamId }).from(users).where(eq(users.id, f.managerA1.id));
      expect(row).toEqual({ role: 'manager', name: 'Manager A1', teamId: f.managerA1.teamId });
      // The own name and language do change.
      await caller.profile.update({ name: 'Anna Petrova', locale: 'en' });
      const [renamed] = await db.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.id, f.managerA1.id));
      expect(renamed).toEqual({ name: 'Anna Petrova', locale: 'en' });
      // A deactivated or signed-out session reaches the router with no user.
      expect(await codeOf(db, null as unknown as SessionUser, 'users.list', undefined)).toBe('UNAUTHORIZED');
    }));
});
