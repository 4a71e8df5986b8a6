import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, deals, leads, lossReasons } from '@/db/schema';
import { createCaller } from '@/server/trpc/root';
import { buildScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { lossReasonsReport } from '../analytics/loss-reasons';
import { getDeal } from '../deals/get-deal';
import { moveDealToStage } from '../deals/move-deal';
import { updateDeal } from '../deals/update-deal';
import { getLead } from '../leads/get-lead';
import { junkLead } from '../leads/lead-status';
import { createReferenceEntry, listReferenceEntries, reorderReferenceEntries, setReferenceEntryArchived, updateReferenceEntry } from './reference-lists';

describe.each(DRIVERS)('reference lists on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('an archived loss reason stays on old deals and in the report, and is no longer offered', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const admin = { db, actor: f.admin };
      const manager = { db, actor: f.managerA1 };
      const reason = await createReferenceEntry(admin, { list: 'lossReasons', nameRu: 'Дорого', nameEn: 'Too expensive' });
      await moveDealToStage(manager, { id: f.deals.a1, version: 1, stageId: f.stages.lost, lossReasonId: reason.id });

      await setReferenceEntryArchived(admin, { list: 'lossReasons', id: reason.id, version: 1, archived: true });
      // Not offered in new forms…
      const offered = await createCaller({ db, user: f.managerA1 }).reference.lossReasons();
      expect(offered.map((r) => r.id)).not.toContain(reason.id);
      expect(offered.map((r) => r.id)).toContain(f.lossReasonId);
      // …and refused if sent anyway.
      await expect(moveDealToStage({ db, actor: f.managerA2 }, { id: f.deals.a2, version: 1, stageId: f.stages.lost, lossReasonId: reason.id })).rejects.toThrow(/lossReasonId/);
      // Still on the old deal and in the loss reasons report.
      expect(await getDeal(manager, { id: f.deals.a1 })).toMatchObject({ lossReasonEn: 'Too expensive', lossReasonRu: 'Дорого' });
      const report = await lossReasonsReport({ db, actor: f.executive }, { period: 'thisMonth' });
      expect(report.byReason.find((r) => r.reasonId === reason.id)).toMatchObject({ count: 1, nameEn: 'Too expensive' });
      // The admin still sees it, last, with its use.
      const forAdmin = await listReferenceEntries(admin, 'lossReasons');
      expect(forAdmin.at(-1)).toMatchObject({ id: reason.id, isArchived: true, usageCount: 1 });
    }));

  it('an archived junk reason stays on junked leads and cannot be chosen for a new one', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const admin = { db, actor: f.admin };
      const manager = { db, actor: f.managerA1 };
      const spam = await createReferenceEntry(admin, { list: 'junkReasons', nameRu: 'Спам', nameEn: 'Spam' });
      const [old, fresh] = await db.insert(leads).values([{ title: 'Old', ownerId: f.managerA1.id }, { title: 'Fresh', ownerId: f.managerA1.id }]).returning({ id: leads.id });
      await junkLead(manager, { id: old!.id, version: 1, junkReasonId: spam.id });
      await setReferenceEntryArchived(admin, { list: 'junkReasons', id: spam.id, version: 1, archived: true });
      expect((await createCaller({ db, user: f.managerA1 }).reference.junkReasons()).map((r) => r.id)).not.toContain(spam.id);
      await expect(junkLead(manager, { id: fresh!.id, version: 1, junkReasonId: spam.id })).rejects.toThrow(/junkReasonId/);
      expect(await getLead(manager, { id: old!.id })).toMatchObject({ junkReasonEn: 'Spam' });
    }));

  it('adds, renames both languages, reorders and archives deal types, versioned and audited', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const admin = { db, actor: f.admin };
      const offered = async () => (await createCaller({ db, user: f.managerA1 }).reference.dealTypes()).map((t) => t.nameEn);
      const starters = await offered();
      const rental = await createReferenceEntry(admin, { list: 'dealTypes', nameRu: 'Аренда', nameEn: 'Rental' });
      expect(await offered()).toEqual([...starters, 'Rental']);
      expect(await updateReferenceEntry(admin, { list: 'dealTypes', id: rental.id, version: 1, nameEn: 'Equipment rental' })).toEqual({ id: rental.id, version: 2 });
      const ids = (await listReferenceEntries(admin, 'dealTypes')).filter((t) => !t.isArchived).map((t) => t.id);
      await reorderReferenceEntries(admin, { list: 'dealTypes', ids: [rental.id, ...ids.filter((id) => id !== rental.id)] });
      expect((await offered())[0]).toBe('Equipment rental');
      // A stale version is a conflict; nothing changes.
      await expect(updateReferenceEntry(admin, { list: 'dealTypes', id: rental.id, version: 1, nameRu: 'Прокат' })).rejects.toMatchObject({ code: 'CONFLICT' });
      const manager = { db, actor: f.managerA1 };
      await updateDeal(manager, { id: f.deals.a1, version: 1, dealTypeId: rental.id });
      await setReferenceEntryArchived(admin, { list: 'dealTypes', id: rental.id, version: 2, archived: true });
      expect(await offered()).toEqual(starters);
      // The archived type stays on the deal (and other edits keep it), but no deal can take it anew.
      await updateDeal(manager, { id: f.deals.a1, version: 2, title: 'Renamed', dealTypeId: rental.id });
      expect(await getDeal(manager, { id: f.deals.a1 })).toMatchObject({ title: 'Renamed', dealTypeEn: 'Equipment rental' });
      await expect(updateDeal({ db, actor: f.managerA2 }, { id: f.deals.a2, version: 1, dealTypeId: rental.id })).rejects.toThrow(/dealTypeId/);
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'dealType'), eq(auditLog.entityId, rental.id))).orderBy(auditLog.id);
      expect(audits.map((a) => a.action)).toEqual(['dealType.create', 'dealType.update', 'dealType.archive']);
      expect(audits[1]!.changes).toEqual({ nameEn: ['Rental', 'Equipment rental'], version: [1, 2] });
      await expect(updateReferenceEntry(admin, { list: 'dealTypes', id: 999_999, version: 1, nameEn: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // Only the named list changed.
      const [price] = await db.select().from(lossReasons).where(eq(lossReasons.id, f.lossReasonId));
      expect(price).toMatchObject({ nameEn: 'Price', version: 1 });
      expect(await db.select({ id: deals.id }).from(deals).where(eq(deals.dealTypeId, rental.id))).toEqual([{ id: f.deals.a1 }]);
    }));
});
