import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { reassignDeal } from '@/server/services/deals/reassign-deal';
import { createInvoice } from '@/server/services/documents/create-invoice';
import { addPayment, cancelInvoice } from '@/server/services/documents/payments';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { invoiceFlowMonthlySummary } from './report-monthly';

const NOW = new Date('2026-11-22T09:30:00Z');

/**
 * invoice_flow_monthly rows that differ from a GROUP BY written here: issued and paid invoices by
 * issue month and owner, their payments by the month received in `zone` under the invoice's owner.
 */
async function mismatches(db: Database, zone = 'Europe/Moscow'): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      with e as (
        select month, owner_id, sum(invoiced)::int as invoiced, sum(invoiced_amount)::numeric(16,2) as invoiced_amount,
               sum(payments)::int as payments, sum(paid_amount)::numeric(16,2) as paid_amount
        from (
          select date_trunc('month', issue_date)::date as month, owner_id, 1 as invoiced, total as invoiced_amount, 0 as payments, 0 as paid_amount
          from invoices where status = 'issued' or status = 'paid'
          union all
          select date_trunc('month', p.paid_at at time zone ${zone})::date, i.owner_id, 0, 0, 1, p.amount
          from payments p join invoices i on i.id = p.invoice_id where i.status = 'issued' or i.status = 'paid'
        ) x group by 1, 2),
      s as (
        select month, owner_id, invoiced, invoiced_amount, payments, paid_amount from invoice_flow_monthly
        where (invoiced, invoiced_amount, payments, paid_amount) <> (0, 0, 0, 0))
      select ((select count(*) from (select * from e except all select * from s) a) + (select count(*) from (select * from s except all select * from e) b))::int as n`),
  );
  return Number(row!.n);
}

describe.each(DRIVERS)('the receivables summary equals a recompute, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  let admin: SessionUser;

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: NOW });
    const [row] = rowsOf<{ id: number }>(await database().db.execute(sql`select id from users where role = 'admin' and is_active order by id limit 1`));
    admin = (await loadActiveUser(database().db, Number(row!.id)))!;
  });

  it('after the seed', async () => {
    const [filled] = rowsOf<{ n: number }>(await database().db.execute(sql`select count(*)::int as n from invoice_flow_monthly where payments > 0`));
    expect(Number(filled!.n)).toBeGreaterThan(0);
    expect(await mismatches(database().db)).toBe(0);
    expect(await invoiceFlowMonthlySummary.rebuild(database().db)).toBe(0);
  });

  it('after invoices, payments, a cancellation and a reassignment through the services', async () => {
    await inRollback(database().db, async (db) => {
      const ctx = { db, actor: admin };
      const [deal] = rowsOf<{ id: number; version: number; owner_id: number }>(
        await db.execute(sql`select id, version, owner_id from deals where status = 'open' and amount > 0 order by id limit 1`),
      );
      const kept = await createInvoice(ctx, { source: 'manual', dealId: deal!.id, total: '1000.10', dueDate: '2026-12-31', allowAboveDealAmount: true });
      const cancelled = await createInvoice(ctx, { source: 'manual', dealId: deal!.id, total: '55', dueDate: '2026-12-31', allowAboveDealAmount: true });
      await addPayment(ctx, { invoiceId: kept.id, amount: '400.05', paidAt: new Date('2026-10-31T22:30:00Z') });
      await addPayment(ctx, { invoiceId: kept.id, amount: '600.05' });
      await cancelInvoice(ctx, { invoiceId: cancelled.id, version: 1 });
      expect(await mismatches(db)).toBe(0);
      // The deal's unpaid invoices, with the payments already received on them, follow the deal.
      const partly = await createInvoice(ctx, { source: 'manual', dealId: deal!.id, total: '300', dueDate: '2026-12-31', allowAboveDealAmount: true });
      await addPayment(ctx, { invoiceId: partly.id, amount: '100' });
      const [colleague] = rowsOf<{ id: number }>(
        await db.execute(sql`select id from users where role = 'manager' and is_active and id <> ${deal!.owner_id} order by id limit 1`),
      );
      const [current] = rowsOf<{ version: number }>(await db.execute(sql`select version from deals where id = ${deal!.id}`));
      await reassignDeal(ctx, { id: deal!.id, version: Number(current!.version), ownerId: Number(colleague!.id) });
      const [moved] = rowsOf<{ owner_id: number }>(await db.execute(sql`select owner_id from invoices where id = ${partly.id}`));
      expect(Number(moved!.owner_id)).toBe(Number(colleague!.id));
      expect(await mismatches(db)).toBe(0);
    });
  });

  it('after multi-row SQL edits of every column it reads, and deletes with their cascade', async () => {
    await inRollback(database().db, async (db) => {
      await db.execute(sql`update invoices set issue_date = issue_date - 40, total = total + 1 where id in (select id from invoices where status = 'paid' order by id limit 5)`);
      await db.execute(sql`update invoices set owner_id = (select max(id) from users where role = 'manager') where id in (select invoice_id from payments order by id desc limit 4)`);
      await db.execute(sql`update invoices set status = 'cancelled' where id in (select i.id from invoices i where i.status = 'issued' and exists (select 1 from payments p where p.invoice_id = i.id) order by id limit 3)`);
      await db.execute(sql`update invoices set status = 'issued' where id in (select id from invoices where status = 'cancelled' order by id limit 2)`);
      await db.execute(sql`update invoices set status = 'draft' where id in (select id from invoices where status = 'issued' order by id desc limit 2)`);
      await db.execute(sql`update payments set paid_at = paid_at - interval '33 days', amount = amount / 2 where id in (select id from payments order by id limit 6)`);
      await db.execute(sql`update payments set invoice_id = (select min(id) from invoices where status = 'paid') where id in (select id from payments order by id desc limit 2)`);
      await db.execute(sql`delete from payments where id in (select id from payments order by id limit 3)`);
      await db.execute(sql`insert into payments (invoice_id, amount, paid_at) select id, 1, now() from invoices where status = 'issued' order by id limit 3`);
      await db.execute(sql`delete from invoices where id in (select invoice_id from payments order by id desc limit 2)`);
      expect(await mismatches(db)).toBe(0);
      expect(await invoiceFlowMonthlySummary.rebuild(db)).toBe(0);
    });
  });

  it('moves payments between months with the organisation time zone', async () => {
    await inRollback(database().db, async (db) => {
      await db.execute(sql`update organisation set time_zone = 'America/Los_Angeles' where id = 1`);
      expect(await mismatches(db, 'America/Los_Angeles')).toBe(0);
    });
  });

  it('the repair rebuild puts right a summary written around its triggers', async () => {
    await inRollback(database().db, async (db) => {
      await db.execute(sql`select set_config('voronka.bulk_load', 'on', true)`);
      await db.execute(sql`update invoices set owner_id = (select max(id) from users where role = 'manager') where id in (select invoice_id from payments order by id limit 3)`);
      await db.execute(sql`select set_config('voronka.bulk_load', 'off', true)`);
      expect(await mismatches(db)).toBeGreaterThan(0);
      expect(await invoiceFlowMonthlySummary.rebuild(db)).toBeGreaterThan(0);
      expect(await mismatches(db)).toBe(0);
    });
  });
});
