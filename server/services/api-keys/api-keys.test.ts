import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiKeys, auditLog } from '@/db/schema';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { createApiKey, revokeApiKey } from './api-key-admin';
import { authenticateApiKey } from './authenticate-api-key';
import { listApiKeys } from './list-api-keys';
import { hashApiKey, parseApiKey } from './secret';

describe.each(DRIVERS)('API keys on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('shows the secret once, stores only its SHA-256 and prefix, and audits the creation', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const created = await createApiKey({ db, actor: f.admin }, { name: 'Форма на сайте', teamId: f.headA.teamId, rateLimitPerMinute: 120 });
      expect(created.key).toMatch(/^vk_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$/);
      expect(created.key.startsWith(`vk_${created.prefix}_`)).toBe(true);

      const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
      expect(row).toMatchObject({ name: 'Форма на сайте', prefix: created.prefix, keyHash: hashApiKey(created.key), scopes: ['leads:create'], teamId: f.headA.teamId, rateLimitPerMinute: 120, createdBy: f.admin.id, lastUsedAt: null, revokedAt: null });
      expect(JSON.stringify(row)).not.toContain(created.key.slice(12));

      const listed = await listApiKeys({ db, actor: f.admin });
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ id: created.id, prefix: created.prefix, teamName: 'Team A', createdByName: 'Admin' });
      expect(Object.keys(listed[0]!)).not.toContain('keyHash');
      expect(JSON.stringify(listed)).not.toContain(created.key.slice(12));

      const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
      expect(audit).toMatchObject({ action: 'apiKey.create', entityType: 'api_key', actorId: f.admin.id });
      expect(JSON.stringify(audit!.changes)).not.toContain(created.key.slice(12));
      expect(JSON.stringify(audit!.changes)).not.toContain(row!.keyHash);
    }));

  it('lets only an admin create, list and revoke keys', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const created = await createApiKey({ db, actor: f.admin }, { name: 'Телефония' });
      for (const actor of [f.managerA1, f.headA, f.executive]) {
        await expect(createApiKey({ db, actor }, { name: 'Чужой' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(listApiKeys({ db, actor })).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(revokeApiKey({ db, actor }, { id: created.id, version: created.version })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
      await expect(createApiKey({ db, actor: f.admin }, { name: 'Нет команды', teamId: 999_999 })).rejects.toThrow(/^teamId/);
      await expect(createApiKey({ db, actor: f.admin }, { name: ' ' })).rejects.toThrow(/name/);
      await expect(createApiKey({ db, actor: f.admin }, { name: 'x', scopes: ['users:delete' as never] })).rejects.toThrow(/scopes/);
    }));

  it('revokes with an audit entry, refuses a stale version, and the key stops authenticating', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const created = await createApiKey({ db, actor: f.admin }, { name: 'Лендинг', teamId: f.headA.teamId });
      expect(await authenticateApiKey(db, created.key, 'leads:create')).toMatchObject({ ok: true, keyId: created.id, teamId: f.headA.teamId });
      await expect(revokeApiKey({ db, actor: f.admin }, { id: created.id, version: created.version + 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
      const revoked = await revokeApiKey({ db, actor: f.admin }, { id: created.id, version: created.version });
      expect(revoked.version).toBe(created.version + 1);
      expect(await revokeApiKey({ db, actor: f.admin }, { id: created.id, version: created.version })).toMatchObject({ version: revoked.version });
      expect(await authenticateApiKey(db, created.key, 'leads:create')).toEqual({ ok: false, reason: 'revoked' });
      const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, 'api_key'))).map((row) => row.action);
      expect(actions).toEqual(['apiKey.create', 'apiKey.revoke']);
      const [listed] = await listApiKeys({ db, actor: f.admin });
      expect(listed!.revokedAt).not.toBeNull();
    }));

  it('refuses a key whose prefix exists but whose secret is wrong, and one of the wrong shape', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const created = await createApiKey({ db, actor: f.admin }, { name: 'Сайт' });
      expect(parseApiKey(created.key)).toEqual({ prefix: created.prefix, hash: hashApiKey(created.key) });
      expect(parseApiKey('vk_short_x')).toBeNull();
      const wrongSecret = `vk_${created.prefix}_${'A'.repeat(43)}`;
      expect(await authenticateApiKey(db, wrongSecret, 'leads:create')).toEqual({ ok: false, reason: 'invalid' });
      expect(await authenticateApiKey(db, null, 'leads:create')).toEqual({ ok: false, reason: 'missing' });
    }));
});
