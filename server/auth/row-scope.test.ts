import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createCaller } from '@/server/trpc/root';
import { loadActiveUser, type SessionUser } from './session-user';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture, type ScopeFixture } from '@/test/fixtures';
import type { Database } from '@/db/client';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** The caller as the tRPC route builds it: the user re-read from the database (null if inactive). */
async function callerFor(db: Database, user: SessionUser | null) {
  return createCaller({ db, user: user ? await loadActiveUser(db, user.id) : null });
}

describe.each(DRIVERS)('row scope of deals.list / deals.byId / deals.update on %s', (driver) => {
  const database = useFreshDatabase(driver);

  const withFixture = (body: (db: Database, f: ScopeFixture) => Promise<void>) =>
    inRollback(database().db, async (db) => body(db, await buildScopeFixture(db)));

  it('lets each role read exactly its scope', () =>
    withFixture(async (db, f) => {
      const listed = async (user: SessionUser) =>
        (await (await callerFor(db, user)).deals.list({ pageSize: 100 })).items.map((d) => d.id).sort();
      const { a1, a2, b1, headA } = f.deals;
      expect(await listed(f.managerA1)).toEqual([a1]);
      expect(await listed(f.headA)).toEqual([a1, a2, headA].sort());
      expect(await listed(f.headB)).toEqual([b1]);
      expect(await listed(f.executive)).toEqual([a1, a2, b1, headA].sort());
      expect(await listed(f.admin)).toEqual([a1, a2, b1, headA].sort());
    }));

  it('answers NOT_FOUND for a deal outside the scope, by id', () =>
    withFixture(async (db, f) => {
      const byId = async (user: SessionUser, id: number) =>
        codeOf((await callerFor(db, user)).deals.byId({ id }));
      expect(await byId(f.managerA1, f.deals.a1)).toBe('OK');
      expect(await byId(f.managerA1, f.deals.a2)).toBe('NOT_FOUND'); // a colleague's deal
      expect(await byId(f.managerA1, f.deals.b1)).toBe('NOT_FOUND');
      expect(await byId(f.headA, f.deals.a2)).toBe('OK'); // own team
      expect(await byId(f.headA, f.deals.b1)).toBe('NOT_FOUND'); // another team
      expect(await byId(f.headB, f.deals.a1)).toBe('NOT_FOUND');
      expect(await byId(f.executive, f.deals.b1)).toBe('OK');
      expect(await byId(f.admin, f.deals.a2)).toBe('OK');
    }));

  it('refuses a deactivated user and a missing session on every procedure', () =>
    withFixture(async (db, f) => {
      for (const user of [f.deactivated, null]) {
        const caller = await callerFor(db, user);
        expect(await codeOf(caller.deals.list({}))).toBe('UNAUTHORIZED');
        expect(await codeOf(caller.deals.byId({ id: f.deals.a1 }))).toBe('UNAUTHORIZED');
        expect(await codeOf(caller.deals.update({ id: f.deals.a1, version: 1, title: 'x' }))).toBe(
          'UNAUTHORIZED',
        );
      }
    }));

  it('allows changes only within scope and never to an executive', () =>
    withFixture(async (db, f) => {
      const update = async (user: SessionUser, id: number) =>
        codeOf((await callerFor(db, user)).deals.update({ id, version: 1, title: `Edited by ${user.name}` }));
      expect(await update(f.executive, f.deals.a1)).toBe('FORBIDDEN');
      expect(await update(f.managerA1, f.deals.a2)).toBe('NOT_FOUND');
      expect(await update(f.headB, f.deals.a1)).toBe('NOT_FOUND');
      expect(await update(f.managerA1, f.deals.a1)).toBe('OK');
      expect(await update(f.headA, f.deals.a2)).toBe('OK');
      expect(await update(f.admin, f.deals.b1)).toBe('OK');
      const titles = await (await callerFor(db, f.admin)).deals.list({ pageSize: 100, sort: { field: 'title', direction: 'asc' } });
      expect(titles.items.map((d) => d.title)).toEqual([
        'Deal of head A',
        'Edited by Admin',
        'Edited by Head A',
        'Edited by Manager A1',
      ]);
    }));
});
