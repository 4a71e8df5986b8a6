import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { activities, auditLog, deals, products, proposalItems, proposalVersions } from '@/db/schema';
import { createCaller } from '@/server/trpc/root';
import { buildScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { runAutomations } from '../automations/run-automations';
import { createProposal } from './create-proposal';
import { acceptVersion, rejectVersion, sendVersion } from './proposal-status';
import { createNextVersion, updateDraftVersion } from './proposal-versions';
import { listDealProposals } from './read-proposals';

const TWO_LINES = [
  { name: 'Лицензия CRM', quantity: '2', price: '1000.00', discountPct: '10', vatRate: '20' },
  { name: 'Настройка', unit: 'ч', quantity: '3', price: '33.33' },
];

describe.each(DRIVERS)('commercial offers on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('creates an offer with server-computed totals, numbered, with an audit row', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      const first = await createProposal(ctx, { dealId: f.deals.a1, title: 'КП на внедрение', items: TWO_LINES });
      expect(first).toMatchObject({ subtotal: '2099.99', discountTotal: '200.00', vatTotal: '380.00', total: '2279.99' });
      const second = await createProposal(ctx, { dealId: f.deals.a1, title: 'Ещё одно', items: [TWO_LINES[1]!] });
      expect(second.number).toBe(first.number + 1);
      const items = await db.select().from(proposalItems).where(eq(proposalItems.proposalVersionId, first.versionId)).orderBy(proposalItems.sortOrder);
      expect(items.map((i) => [i.name, i.unit, i.lineTotal])).toEqual([['Лицензия CRM', 'шт', '2160.00'], ['Настройка', 'ч', '119.99']]);
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'proposal.create'), eq(auditLog.entityId, first.id)));
      expect(audit!.changes).toMatchObject({ total: [null, '2279.99'], dealId: [null, f.deals.a1] });
    }));

  it('stores line and offer totals exactly as PostgreSQL numeric computes them, for any lines (property)', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      const money = fc.integer({ min: 0, max: 99_999_999 }).map((k) => (k / 100).toFixed(2));
      const item = fc.record({
        name: fc.constant('Строка'),
        quantity: fc.integer({ min: 1, max: 9_999_999 }).map((q) => (q / 1000).toFixed(3)),
        price: money,
        discountPct: fc.integer({ min: 0, max: 10_000 }).map((d) => (d / 100).toFixed(2)),
        vatRate: fc.constantFrom('0', '10', '20'),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 8 }), async (items) => {
          const offer = await createProposal(ctx, { dealId: f.deals.a1, title: 'P', items });
          // The seed's integrity checks, on this version: line totals rounded once, totals = line sums.
          const [bad] = rowsOf<{ n: number }>(
            await db.execute(sql`select
              (select count(*) from proposal_items where proposal_version_id = ${offer.versionId}
                 and line_total <> round(quantity * price * (1 - discount_pct / 100) * (1 + vat_rate / 100), 2))
              + (select count(*) from proposal_versions v where v.id = ${offer.versionId} and (v.total <> (select sum(line_total) from proposal_items where proposal_version_id = v.id)
                 or v.subtotal - v.discount_total + v.vat_total <> v.total or v.vat_total < 0))::int as n`),
          );
          expect(Number(bad!.n)).toBe(0);
        }),
        { numRuns: driver === 'pglite' ? 40 : 20 },
      );
    }));

  it('draft → sent (the follow-up reads sent_at) → v2 copies v1, v1 stays readable → accepted sets the deal amount', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      const offer = await createProposal(ctx, { dealId: f.deals.a1, title: 'КП', items: TWO_LINES });
      const edited = await updateDraftVersion(ctx, { versionId: offer.versionId, version: 1, notes: 'Оплата 50/50', items: [TWO_LINES[0]!] });
      expect(edited).toMatchObject({ version: 2, total: '2160.00' });
      // Accepting a draft skips "sent": refused.
      await expect(acceptVersion(ctx, { versionId: offer.versionId, version: 2 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      const sent = await sendVersion(ctx, { versionId: offer.versionId, version: 2 });
      expect(sent).toMatchObject({ status: 'sent', version: 3 });
      const [v1] = await db.select().from(proposalVersions).where(eq(proposalVersions.id, offer.versionId));
      expect(v1!.sentAt).toBeInstanceOf(Date);
      // A sent version is frozen.
      await expect(updateDraftVersion(ctx, { versionId: offer.versionId, version: 3, items: TWO_LINES })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      // Eight days later with no answer the automation plans a call about this offer.
      const later = new Date(v1!.sentAt!.getTime() + 8 * 86_400_000);
      expect((await runAutomations(db, later)).created['proposal-follow-up']).toBe(1);
      const [call] = await db.select().from(activities).where(eq(activities.automationKey, `proposal-follow-up:${offer.versionId}`));
      expect(call).toMatchObject({ kind: 'call', ownerId: f.managerA1.id, dealId: f.deals.a1 });

      const v2 = await createNextVersion(ctx, { versionId: offer.versionId, version: 3 });
      expect(v2).toMatchObject({ versionNo: 2, total: '2160.00' });
      // Only the latest version moves on.
      await expect(rejectVersion(ctx, { versionId: offer.versionId, version: 4 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('latest') });
      await updateDraftVersion(ctx, { versionId: v2.versionId, version: 1, items: [{ ...TWO_LINES[0]!, discountPct: '15' }] });
      await sendVersion(ctx, { versionId: v2.versionId, version: 2 });
      // A stale version is a conflict.
      await expect(acceptVersion(ctx, { versionId: v2.versionId, version: 2 })).rejects.toMatchObject({ code: 'CONFLICT' });
      const accepted = await acceptVersion(ctx, { versionId: v2.versionId, version: 3, setDealAmount: true });
      expect(accepted).toMatchObject({ status: 'accepted', dealAmount: '2040.00' });
      const [deal] = await db.select().from(deals).where(eq(deals.id, f.deals.a1));
      expect(deal!.amount).toBe('2040.00');
      const dealAudit = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'deal'), eq(auditLog.entityId, f.deals.a1), eq(auditLog.action, 'deal.update')));
      expect(dealAudit.at(-1)!.changes).toMatchObject({ amount: ['1000.00', '2040.00'] });

      const [listed] = await listDealProposals(ctx, { dealId: f.deals.a1 });
      expect(listed!.versions.map((v) => [v.versionNo, v.status, v.total, v.items.length])).toEqual([
        [2, 'accepted', '2040.00', 1],
        [1, 'sent', '2160.00', 1],
      ]);
      // v1 was answered by v2: no second follow-up call about it.
      expect(listed!.versions[1]!.answeredAt).toBeInstanceOf(Date);
      const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, 'proposal_version'))).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['proposal.update_draft', 'proposal.send', 'proposal.new_version', 'proposal.accept']));
    }));

  it('offers active catalogue products; an archived one is refused on new lines but kept on copies', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      const [product] = await db.insert(products).values({ name: 'Модуль X', sku: `X-${Math.random()}`, unit: 'шт', price: '500.00', vatRate: '20' }).returning();
      const caller = createCaller({ db, user: f.managerA1 });
      expect((await caller.proposals.products()).map((p) => p.id)).toContain(product!.id);
      const offer = await createProposal(ctx, { dealId: f.deals.a1, title: 'КП', items: [{ productId: product!.id, name: 'Модуль X', quantity: '1', price: '500.00' }] });
      await db.update(products).set({ isArchived: true }).where(eq(products.id, product!.id));
      expect((await caller.proposals.products()).map((p) => p.id)).not.toContain(product!.id);
      await expect(createProposal(ctx, { dealId: f.deals.a1, title: 'КП', items: [{ productId: product!.id, name: 'Модуль X', quantity: '1', price: '500.00' }] })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('archived'),
      });
      const copy = await createNextVersion(ctx, { versionId: offer.versionId, version: 1 });
      const [kept] = await db.select().from(proposalItems).where(eq(proposalItems.proposalVersionId, copy.versionId));
      expect(kept).toMatchObject({ productId: product!.id, name: 'Модуль X', lineTotal: '600.00' });
    }));

  it('refuses bad input naming the field, and writes nothing', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const caller = createCaller({ db, user: f.managerA1 });
      const cases: [unknown[], string][] = [
        [[], 'items'],
        [[{ name: 'A', quantity: '0', price: '1' }], 'quantity'],
        [[{ name: 'A', quantity: '1', price: '-1' }], 'price'],
        [[{ name: 'A', quantity: '1', price: '1', discountPct: '101' }], 'discountPct'],
        [[{ name: 'A', quantity: '1', price: '1.001' }], 'price'],
      ];
      for (const [items, field] of cases) {
        await expect(caller.proposals.create({ dealId: f.deals.a1, title: 'T', items: items as never })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(field) });
      }
      expect(await db.select().from(proposalVersions)).toHaveLength(0);
    }));
});
