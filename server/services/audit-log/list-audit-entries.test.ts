import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { appRouter, createCaller } from '@/server/trpc/root';
import { buildScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { updateUser } from '../users/update-user';
import { listAuditEntries } from './list-audit-entries';

describe.each(DRIVERS)('audit log viewer on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('filters by user, record and days in the organisation time zone, newest first, paged, with old → new fields', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const admin = { db, actor: f.admin };
      await updateUser(admin, { id: f.managerA1.id, version: 1, name: 'Anna' });
      await updateUser(admin, { id: f.managerA1.id, version: 2, locale: 'en' });
      // Two rows either side of midnight in Moscow (21:00 UTC).
      await db.insert(auditLog).values([
        { actorId: f.headA.id, action: 'deal.update', entityType: 'deal', entityId: f.deals.a1, changes: { title: ['A', 'B'] }, createdAt: new Date('2026-03-01T20:59:00Z') },
        { actorId: f.headA.id, action: 'deal.update', entityType: 'deal', entityId: f.deals.a1, changes: { title: ['B', 'C'] }, createdAt: new Date('2026-03-01T21:01:00Z') },
      ]);

      const byRecord = await listAuditEntries(admin, { entityType: 'user', entityId: f.managerA1.id });
      expect(byRecord.items.map((e) => [e.action, e.actorName, e.changes])).toEqual([
        ['user.update', 'Admin', { locale: [null, 'en'], version: [2, 3] }],
        ['user.update', 'Admin', { name: ['Manager A1', 'Anna'], version: [1, 2] }],
      ]);
      const byActor = await listAuditEntries(admin, { actorId: f.headA.id });
      expect(byActor.items).toHaveLength(2);
      // 1 March in Moscow ends at 21:00 UTC.
      const firstOfMarch = await listAuditEntries(admin, { actorId: f.headA.id, fromDay: '2026-03-01', toDay: '2026-03-01' });
      expect(firstOfMarch.items.map((e) => e.changes)).toEqual([{ title: ['A', 'B'] }]);
      const secondOfMarch = await listAuditEntries(admin, { fromDay: '2026-03-02', toDay: '2026-03-02' });
      expect(secondOfMarch.items.map((e) => e.changes)).toEqual([{ title: ['B', 'C'] }]);

      const firstPage = await listAuditEntries(admin, { pageSize: 1, entityType: 'user', entityId: f.managerA1.id });
      expect(firstPage.nextCursor).toBe(firstPage.items[0]!.id);
      const secondPage = await listAuditEntries(admin, { pageSize: 1, entityType: 'user', entityId: f.managerA1.id, cursor: firstPage.nextCursor! });
      expect(secondPage.items[0]!.changes).toMatchObject({ name: ['Manager A1', 'Anna'] });
      expect(secondPage.nextCursor).toBeNull();
    }));

  it('is read-only for everyone: no procedure changes it, and only the admin reads it', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const caller = createCaller({ db, user: f.admin });
      // Every audit procedure is a query: there is nothing that edits or deletes an entry.
      const procedures = Object.entries(appRouter._def.procedures).filter(([path]) => path.startsWith('audit.'));
      expect(procedures.map(([path, procedure]) => [path, (procedure as unknown as { _def: { type: string } })._def.type])).toEqual([['audit.list', 'query'], ['audit.entityTypes', 'query']]);
      const [{ count: before }] = (await db.select({ count: sql<number>`count(*)::int` }).from(auditLog)) as [{ count: number }];
      await caller.audit.list({});
      const [{ count: after }] = (await db.select({ count: sql<number>`count(*)::int` }).from(auditLog)) as [{ count: number }];
      expect(after).toBe(before);
      await expect(createCaller({ db, user: f.executive }).audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }));
});
