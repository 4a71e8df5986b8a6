import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { authenticate } from './authenticate';
import { hashPassword } from './password';
import { MAX_FAILURES } from './login-throttle';

describe.each(DRIVERS)('sign-in checks on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('signs in with the right password, case-insensitively by e-mail', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await db.update(users).set({ passwordHash: await hashPassword('correct horse') }).where(eq(users.id, f.managerA1.id));
      const ok = await authenticate(db, { email: f.managerA1.email.toUpperCase(), password: 'correct horse', clientAddress: '10.0.0.1' });
      expect(ok).toEqual({ ok: true, userId: f.managerA1.id, sessionEpoch: 0 });
      const wrong = await authenticate(db, { email: f.managerA1.email, password: 'wrong', clientAddress: '10.0.0.1' });
      expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    }));

  it('refuses a deactivated user even with the right password', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await db.update(users).set({ passwordHash: await hashPassword('pw-of-former') }).where(eq(users.id, f.deactivated.id));
      const result = await authenticate(db, { email: f.deactivated.email, password: 'pw-of-former', clientAddress: null });
      expect(result).toEqual({ ok: false, reason: 'invalid' });
    }));

  it(`locks an account after ${MAX_FAILURES} failures, even for the right password, until the lock expires`, () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await db.update(users).set({ passwordHash: await hashPassword('right') }).where(eq(users.id, f.managerA2.id));
      const now = new Date('2026-11-22T10:00:00Z');
      for (let attempt = 1; attempt <= MAX_FAILURES; attempt++) {
        const at = new Date(now.getTime() + attempt * 1000);
        expect(await authenticate(db, { email: f.managerA2.email, password: 'guess', clientAddress: null }, at)).toEqual({ ok: false, reason: 'invalid' });
      }
      const soon = new Date(now.getTime() + 60_000);
      expect(await authenticate(db, { email: f.managerA2.email, password: 'right', clientAddress: null }, soon)).toEqual({ ok: false, reason: 'locked' });
      const later = new Date(now.getTime() + 20 * 60_000);
      expect(await authenticate(db, { email: f.managerA2.email, password: 'right', clientAddress: null }, later)).toEqual({ ok: true, userId: f.managerA2.id, sessionEpoch: 0 });
    }));

  it('locks a client address that sprays many accounts', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const now = new Date('2026-11-22T10:00:00Z');
      const targets = [f.managerA1, f.managerA2, f.headA, f.headB, f.managerB1];
      for (const user of targets) {
        await authenticate(db, { email: user.email, password: 'guess', clientAddress: '203.0.113.9' }, now);
      }
      const result = await authenticate(db, { email: f.admin.email, password: 'anything', clientAddress: '203.0.113.9' }, now);
      expect(result).toEqual({ ok: false, reason: 'locked' });
    }));
});
