import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, leadSources, leads } from '@/db/schema';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { TRPCError } from '@trpc/server';
import { createCaller } from '@/server/trpc/root';
import { ServiceError } from '../errors';
import { listLeadSources } from './list-reference';
import { createLeadSource, listLeadSourcesForAdmin, reorderLeadSources, setLeadSourceArchived, updateLeadSource } from './lead-sources';

describe.each(DRIVERS)('lead sources administration on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('adds, renames in both languages, sets and clears the monthly cost as money, with audit', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      const fair = await createLeadSource(ctx, { nameRu: 'Выставка', nameEn: 'Trade show', monthlyCost: '150 000,50' });
      const again = await createLeadSource(ctx, { nameRu: 'Выставка 2', nameEn: 'Trade show' });
      const rows = await db.select().from(leadSources);
      expect(rows.find((r) => r.id === fair.id)).toMatchObject({ code: 'trade-show', monthlyCost: '150000.50', isArchived: false, version: 1 });
      expect(rows.find((r) => r.id === again.id)).toMatchObject({ code: 'trade-show-2', monthlyCost: null });

      expect(await updateLeadSource(ctx, { id: fair.id, version: 1, nameRu: 'Отраслевая выставка', nameEn: 'Industry fair' })).toEqual({ id: fair.id, version: 2 });
      // The same amount spelled differently is no change.
      expect(await updateLeadSource(ctx, { id: fair.id, version: 2, monthlyCost: '150000.5' })).toEqual({ id: fair.id, version: 2 });
      await updateLeadSource(ctx, { id: fair.id, version: 2, monthlyCost: '' });
      const [cleared] = await db.select().from(leadSources).where(eq(leadSources.id, fair.id));
      expect(cleared).toMatchObject({ nameRu: 'Отраслевая выставка', nameEn: 'Industry fair', code: 'trade-show', monthlyCost: null, version: 3 });
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'leadSource'), eq(auditLog.entityId, fair.id))).orderBy(auditLog.id);
      expect(audits.map((a) => a.action)).toEqual(['leadSource.create', 'leadSource.update', 'leadSource.update']);
      expect(audits[2]!.changes).toEqual({ monthlyCost: ['150000.50', null], version: [2, 3] });
    }));

  it('refuses every role but the admin', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const { id } = await createLeadSource({ db, actor: f.admin }, { nameRu: 'Сайт', nameEn: 'Website' });
      for (const actor of [f.managerA1, f.headA, f.executive]) {
        await expect(createLeadSource({ db, actor }, { nameRu: 'X', nameEn: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(updateLeadSource({ db, actor }, { id, version: 1, nameRu: 'Y' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(setLeadSourceArchived({ db, actor }, { id, version: 1, archived: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(reorderLeadSources({ db, actor }, { ids: [id] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(listLeadSourcesForAdmin({ db, actor })).rejects.toMatchObject({ code: 'FORBIDDEN' });
        // The router refuses before the service is reached.
        const refusal = await createCaller({ db, user: actor }).leadSources.list().catch((e: unknown) => e);
        expect(refusal).toBeInstanceOf(TRPCError);
        expect(refusal).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect(await createCaller({ db, user: f.admin }).leadSources.list()).toHaveLength(1);
    }));

  it('refuses a negative or over-precise cost, naming the field', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      await expect(createLeadSource(ctx, { nameRu: 'Реклама', nameEn: 'Ads', monthlyCost: '-100' })).rejects.toThrow(/monthlyCost/);
      await expect(createCaller({ db, user: f.admin }).leadSources.create({ nameRu: 'Реклама', nameEn: 'Ads', monthlyCost: '-100' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('monthlyCost') });
      const { id } = await createLeadSource(ctx, { nameRu: 'Реклама', nameEn: 'Ads' });
      await expect(updateLeadSource(ctx, { id, version: 1, monthlyCost: '-0,01' })).rejects.toThrow(/monthlyCost/);
      await expect(updateLeadSource(ctx, { id, version: 1, monthlyCost: '10.001' })).rejects.toThrow(/monthlyCost/);
      await expect(updateLeadSource(ctx, { id, version: 1, monthlyCost: 'сто' })).rejects.toThrow(/monthlyCost/);
      const [unchanged] = await db.select().from(leadSources).where(eq(leadSources.id, id));
      expect(unchanged).toMatchObject({ monthlyCost: null, version: 1 });
    }));

  it('answers CONFLICT to an edit of a version someone has already changed', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      const { id } = await createLeadSource(ctx, { nameRu: 'Звонок', nameEn: 'Call' });
      await updateLeadSource(ctx, { id, version: 1, nameEn: 'Phone call' });
      const stale = await updateLeadSource(ctx, { id, version: 1, nameRu: 'Входящий звонок' }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(ServiceError);
      expect(stale).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
      await expect(setLeadSourceArchived(ctx, { id, version: 1, archived: true })).rejects.toMatchObject({ code: 'CONFLICT' });
      const [row] = await db.select().from(leadSources).where(eq(leadSources.id, id));
      expect(row).toMatchObject({ nameRu: 'Звонок', nameEn: 'Phone call', isArchived: false });
    }));

  it('reorders the active sources; an archived one leaves the forms’ list and comes back last', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      const site = await createLeadSource(ctx, { nameRu: 'Сайт', nameEn: 'Website' });
      const call = await createLeadSource(ctx, { nameRu: 'Звонок', nameEn: 'Call' });
      const chat = await createLeadSource(ctx, { nameRu: 'Чат', nameEn: 'Chat' });
      const names = async () => (await listLeadSources({ db, actor: f.managerA1 })).map((s) => s.nameEn);
      await reorderLeadSources(ctx, { ids: [chat.id, site.id, call.id] });
      expect(await names()).toEqual(['Chat', 'Website', 'Call']);

      await setLeadSourceArchived(ctx, { id: chat.id, version: 1, archived: true });
      expect(await names()).toEqual(['Website', 'Call']);
      await db.insert(leads).values([{ title: 'С сайта', sourceId: site.id }, { title: 'Тоже с сайта', sourceId: site.id }, { title: 'Из чата', sourceId: chat.id }]);
      const forAdmin = await listLeadSourcesForAdmin(ctx);
      expect(forAdmin.map((s) => [s.nameEn, s.isArchived, s.leadCount])).toEqual([['Website', false, 2], ['Call', false, 0], ['Chat', true, 1]]);
      // A list made before the archive is stale.
      await expect(reorderLeadSources(ctx, { ids: [chat.id, site.id, call.id] })).rejects.toMatchObject({ code: 'CONFLICT' });

      await setLeadSourceArchived(ctx, { id: chat.id, version: 2, archived: false });
      expect(await names()).toEqual(['Website', 'Call', 'Chat']);
    }));
});
