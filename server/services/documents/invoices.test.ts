import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '@/db/client';
import { auditLog, deals, invoices, payments } from '@/db/schema';
import { createCaller } from '@/server/trpc/root';
import { buildScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { ServiceError } from '../errors';
import { createInvoice } from './create-invoice';
import { createProposal } from './create-proposal';
import { addPayment, cancelInvoice } from './payments';
import { acceptVersion, sendVersion } from './proposal-status';
import { listDealInvoices } from './read-invoices';
import { listMyOverdueInvoices } from './overdue-invoices';
import { receivablesReport } from '../analytics/receivables';

const DUE = '2099-12-31';

describe.each(DRIVERS)('invoices and payments on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('invoices an accepted offer once; numbers run on per year; a manual invoice above the deal amount needs a confirmation', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      const offer = await createProposal(ctx, { dealId: f.deals.a1, title: 'КП', items: [{ name: 'A', quantity: '1', price: '800.00', vatRate: '20' }] });
      await expect(createInvoice(ctx, { source: 'proposal', versionId: offer.versionId, dueDate: DUE })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('accepted') });
      await sendVersion(ctx, { versionId: offer.versionId, version: 1 });
      await acceptVersion(ctx, { versionId: offer.versionId, version: 2 });
      const first = await createInvoice(ctx, { source: 'proposal', versionId: offer.versionId, dueDate: DUE });
      expect(first).toMatchObject({ total: '960.00', status: 'issued', proposalVersionId: offer.versionId, ownerId: f.managerA1.id, dealId: f.deals.a1, paidAmount: '0.00' });
      expect(first.number).toBe(`${first.year}-${first.seq}`);
      await expect(createInvoice(ctx, { source: 'proposal', versionId: offer.versionId, dueDate: DUE })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(first.number) });
      // The deal is worth 1 000,00; 960,00 is invoiced, so 100,00 more would exceed it.
      const refused = await createInvoice(ctx, { source: 'manual', dealId: f.deals.a1, total: '100', dueDate: DUE }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ServiceError);
      expect(refused).toMatchObject({ code: 'BAD_REQUEST', details: { dealAmount: '1000.00', invoiced: '960.00' } });
      const second = await createInvoice(ctx, { source: 'manual', dealId: f.deals.a1, total: '100', dueDate: DUE, allowAboveDealAmount: true });
      expect([second.year, second.seq]).toEqual([first.year, first.seq + 1]);
      const summary = await listDealInvoices(ctx, { dealId: f.deals.a1 });
      expect(summary).toMatchObject({ dealAmount: '1000.00', invoiced: '1060.00', paid: '0.00', debt: '1060.00', mismatch: true });
      expect(summary.invoices.map((i) => i.number)).toEqual([second.number, first.number]);
      // Cancelling keeps the number taken; the cancelled invoice no longer counts.
      await cancelInvoice(ctx, { invoiceId: second.id, version: 1 });
      expect(await listDealInvoices(ctx, { dealId: f.deals.a1 })).toMatchObject({ invoiced: '960.00', mismatch: false });
      const third = await createInvoice(ctx, { source: 'manual', dealId: f.deals.a1, total: '40', dueDate: DUE });
      expect(third.seq).toBe(first.seq + 2);
      await expect(createInvoice(ctx, { source: 'manual', dealId: f.deals.a1, total: '10', dueDate: '2000-01-01' })).rejects.toMatchObject({ message: expect.stringContaining('dueDate') });
      const audits = await db.select().from(auditLog).where(eq(auditLog.entityType, 'invoice'));
      expect(audits.map((a) => a.action).sort()).toEqual(['invoice.cancel', 'invoice.create', 'invoice.create', 'invoice.create']);
    }));

  it('takes partial payments, debt = total − paid at every step, refuses an overpayment with a clear error', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      const invoice = await createInvoice(ctx, { source: 'manual', dealId: f.deals.a1, total: '1000.00', dueDate: DUE });
      const steps = ['300.10', '0.01', '199.89'];
      let paid = 0n;
      for (const amount of steps) {
        const result = await addPayment(ctx, { invoiceId: invoice.id, amount, method: 'bank' });
        paid += BigInt(amount.replace('.', ''));
        const [row] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
        const [sum] = rowsOf<{ paid: string }>(await db.execute(sql`select coalesce(sum(amount), 0)::numeric(14,2)::text as paid from payments where invoice_id = ${invoice.id}`));
        expect(row!.paidAmount).toBe(sum!.paid);
        expect(BigInt(result.debt.replace('.', ''))).toBe(100_000n - paid);
        expect(result).toMatchObject({ status: 'issued', paidAmount: row!.paidAmount });
      }
      const over = await addPayment(ctx, { invoiceId: invoice.id, amount: '500.01' }).catch((e: unknown) => e);
      expect(over).toBeInstanceOf(ServiceError);
      expect(over).toMatchObject({ code: 'BAD_REQUEST', message: `amount: the payment 500.01 exceeds the debt 500.00 on invoice ${invoice.number}`, details: { debt: '500.00' } });
      await expect(createCaller({ db, user: f.managerA1 }).invoices.addPayment({ invoiceId: invoice.id, amount: '0' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('amount') });
      await expect(cancelInvoice(ctx, { invoiceId: invoice.id, version: 4 })).rejects.toMatchObject({ message: expect.stringContaining('payments') });
      const last = await addPayment(ctx, { invoiceId: invoice.id, amount: '500' });
      expect(last).toMatchObject({ debt: '0.00', status: 'paid', paidAmount: '1000.00' });
      await expect(addPayment(ctx, { invoiceId: invoice.id, amount: '1' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('paid invoice') });
      expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(4);
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'invoice'), eq(auditLog.action, 'invoice.payment')));
      expect(audits.at(-1)!.changes).toMatchObject({ status: ['issued', 'paid'], paidAmount: ['500.00', '1000.00'] });
    }));

  it('an overdue invoice with a debt shows on its owner\'s Today list and in the receivables report', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      const issued = new Date(Date.now() - 40 * 86_400_000);
      const dueDate = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
      const invoice = await createInvoice(ctx, { source: 'manual', dealId: f.deals.a1, total: '1000', dueDate }, { now: issued });
      await createInvoice(ctx, { source: 'manual', dealId: f.deals.a1, total: '0.01', dueDate: DUE, allowAboveDealAmount: true });
      await addPayment(ctx, { invoiceId: invoice.id, amount: '400.50', paidAt: new Date(Date.now() - 35 * 86_400_000) });
      const overdue = await listMyOverdueInvoices(ctx);
      expect(overdue.map((i) => [i.number, i.debt])).toEqual([[invoice.number, '599.50']]);
      expect(overdue[0]!.daysOverdue).toBeGreaterThanOrEqual(29);
      expect(await listMyOverdueInvoices({ db, actor: f.managerA2 })).toEqual([]);
      const report = await receivablesReport({ db, actor: f.executive }, { period: 'thisMonth' });
      expect(report.totals).toMatchObject({ overdue: '599.50', overdueInvoices: 1, outstanding: '599.51' });
      // Paid off, it leaves the list.
      await addPayment(ctx, { invoiceId: invoice.id, amount: '599.50' });
      expect(await listMyOverdueInvoices(ctx)).toEqual([]);
    }));
});

describe('invoices under concurrency on postgres', () => {
  const database = useFreshDatabase('postgres');

  it('50 concurrent creations get 50 distinct consecutive numbers', async () => {
    const f = await buildScopeFixture(database().db);
    // One deal per invoice: the deal row lock must not be what serialises the numbering.
    const [template] = await database().db.select().from(deals).where(eq(deals.id, f.deals.a1));
    const dealIds = await database()
      .db.insert(deals)
      .values(Array.from({ length: 50 }, (_, i) => ({ title: `Deal ${i}`, pipelineId: template!.pipelineId, stageId: template!.stageId, ownerId: f.managerA1.id, amount: '100.00', furthestStageOrder: 1 })))
      .returning({ id: deals.id });
    // A pool of its own, so the creations really run side by side on separate connections.
    const pool = await openDatabase({ url: database().url, maxConnections: 20 });
    try {
      const created = await Promise.all(
        dealIds.map(({ id }) => createInvoice({ db: pool.db, actor: f.managerA1 }, { source: 'manual', dealId: id, total: '10.00', dueDate: DUE })),
      );
      const seqs = created.map((i) => i.seq).sort((a, b) => a - b);
      expect(new Set(created.map((i) => i.year)).size).toBe(1);
      expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      const [check] = rowsOf<{ n: number }>(
        await pool.db.execute(sql`select count(*)::int as n from (select year, count(*) as c, min(seq) as lo, max(seq) as hi, count(distinct seq) as d
          from invoices group by year) y where y.lo <> 1 or y.hi <> y.c or y.d <> y.c`),
      );
      expect(check!.n).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('two payments at once that together exceed the debt: one is taken, the other refused', async () => {
    const f = await buildScopeFixture(database().db);
    const ctx = { db: database().db, actor: f.managerA2 };
    const invoice = await createInvoice(ctx, { source: 'manual', dealId: f.deals.a2, total: '1000.00', dueDate: DUE });
    const results = await Promise.allSettled([addPayment(ctx, { invoiceId: invoice.id, amount: '600' }), addPayment(ctx, { invoiceId: invoice.id, amount: '600' })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'BAD_REQUEST', details: { debt: '400.00' } });
    const [row] = await database().db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(row).toMatchObject({ paidAmount: '600.00', status: 'issued' });
  });
});
