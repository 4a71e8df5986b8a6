import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { activities, auditLog, deals, invoices, proposals } from '@/db/schema';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { ServiceError } from '../errors';
import { listDealActivities } from '../activities/list-deal-activities';
import { getDealStageHistory } from './deal-history';
import { moveDealToStage } from './move-deal';
import { reassignDeal } from './reassign-deal';

const codeOf = (promise: Promise<unknown>) =>
  promise.then(() => 'OK', (error: unknown) => (error instanceof ServiceError ? error.code : Promise.reject(error)));

describe.each(DRIVERS)('deal card services on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('lets a head reassign inside the own team only, an admin anywhere, never a manager', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const owner = async () => (await db.select().from(deals).where(eq(deals.id, f.deals.a1)))[0]!.ownerId;
      expect(await codeOf(reassignDeal({ db, actor: f.managerA1 }, { id: f.deals.a1, version: 1, ownerId: f.managerA2.id }))).toBe('FORBIDDEN');
      expect(await codeOf(reassignDeal({ db, actor: f.headA }, { id: f.deals.a1, version: 1, ownerId: f.managerB1.id }))).toBe('BAD_REQUEST');
      expect(await codeOf(reassignDeal({ db, actor: f.headA }, { id: f.deals.a1, version: 1, ownerId: f.deactivated.id }))).toBe('BAD_REQUEST');
      expect(await codeOf(reassignDeal({ db, actor: f.headB }, { id: f.deals.a1, version: 1, ownerId: f.managerB1.id }))).toBe('NOT_FOUND');
      expect(await owner()).toBe(f.managerA1.id);
      await reassignDeal({ db, actor: f.headA }, { id: f.deals.a1, version: 1, ownerId: f.managerA2.id });
      expect(await owner()).toBe(f.managerA2.id);
      await reassignDeal({ db, actor: f.admin }, { id: f.deals.a1, version: 2, ownerId: f.managerB1.id });
      expect(await owner()).toBe(f.managerB1.id);
    }));

  it('hands the deal\'s offers and unpaid invoices to the new owner; a paid invoice stays with who issued it', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [proposal] = await db.insert(proposals).values({ number: 9001, dealId: f.deals.a1, ownerId: f.managerA1.id, title: 'КП' }).returning({ id: proposals.id });
      const invoice = (seq: number, status: 'issued' | 'paid', paid: string) =>
        db.insert(invoices).values({ year: 2026, seq, dealId: f.deals.a1, ownerId: f.managerA1.id, status, total: '1000.00', paidAmount: paid, issueDate: '2026-11-01', dueDate: '2026-11-10' }).returning({ id: invoices.id });
      const [unpaid] = await invoice(9001, 'issued', '400.00');
      const [paid] = await invoice(9002, 'paid', '1000.00');
      await reassignDeal({ db, actor: f.headA }, { id: f.deals.a1, version: 1, ownerId: f.managerA2.id });
      const ownerOf = async (table: typeof invoices | typeof proposals, id: number) => (await db.select({ ownerId: table.ownerId, version: table.version }).from(table).where(eq(table.id, id)))[0];
      expect(await ownerOf(proposals, proposal!.id)).toEqual({ ownerId: f.managerA2.id, version: 2 });
      expect(await ownerOf(invoices, unpaid!.id)).toEqual({ ownerId: f.managerA2.id, version: 2 });
      expect(await ownerOf(invoices, paid!.id)).toEqual({ ownerId: f.managerA1.id, version: 1 });
      const audit = await db.select({ action: auditLog.action, entityId: auditLog.entityId, changes: auditLog.changes }).from(auditLog).where(eq(auditLog.entityType, 'invoice'));
      expect(audit).toEqual([{ action: 'invoice.handover', entityId: unpaid!.id, changes: { ownerId: [f.managerA1.id, f.managerA2.id] } }]);
    }));

  it('shows stage history and activities only within scope', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await moveDealToStage({ db, actor: f.managerA1 }, { id: f.deals.a1, version: 1, stageId: f.stages.contract });
      await db.insert(activities).values({ kind: 'call', subject: 'First call', ownerId: f.managerA1.id, dealId: f.deals.a1, doneAt: new Date(), direction: 'out', durationSec: 120 });
      const history = await getDealStageHistory({ db, actor: f.headA }, { id: f.deals.a1 });
      expect(history.map((h) => [h.fromStageName, h.toStageName, h.changedByName])).toEqual([
        [null, 'New', 'Manager A1'],
        ['New', 'Contract', 'Manager A1'],
      ]);
      const timeline = await listDealActivities({ db, actor: f.managerA1 }, { dealId: f.deals.a1 });
      expect(timeline.map((a) => [a.kind, a.subject, a.durationSec])).toEqual([['call', 'First call', 120]]);
      expect(await codeOf(getDealStageHistory({ db, actor: f.managerA2 }, { id: f.deals.a1 }))).toBe('NOT_FOUND');
      expect(await codeOf(listDealActivities({ db, actor: f.headB }, { dealId: f.deals.a1 }))).toBe('NOT_FOUND');
    }));
});
