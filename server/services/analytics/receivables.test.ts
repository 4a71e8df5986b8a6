import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { createCallerFactory } from '@/server/trpc/init';
import { analyticsReceivablesRouter } from '@/server/routers/analytics-receivables';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { CLIENT_LIMIT, receivablesReport, type DebtFigures, type ReceivablesReport } from './receivables';
import { flowSlices } from './receivables-queries';
import { resolvePeriod } from './report-filters';
import { trendMonths } from './sales-report-base';

describe('the slices invoiced and paid are counted in', () => {
  const slicesOf = (filters: Parameters<typeof resolvePeriod>[0]) => {
    const period = resolvePeriod(filters, '2026-11-22');
    return flowSlices(period, trendMonths(period));
  };

  it('cut a month period into the trend months, the previous month being one of them', () => {
    const { start, slices } = slicesOf({ period: 'thisMonth' });
    expect(start).toBe('2025-12-01');
    expect(slices).toHaveLength(12);
    expect(slices.at(-1)).toEqual({ slice: 12, from: '2026-11-01', to: '2026-12-01', cur: true, prev: false, month: 12 });
    expect(slices.at(-2)).toEqual({ slice: 11, from: '2026-10-01', to: '2026-11-01', cur: false, prev: true, month: 11 });
    expect(slices.filter((s) => s.cur || s.prev)).toHaveLength(2);
  });

  it('keep a previous year outside the trend window in one slice of its own', () => {
    const { start, slices } = slicesOf({ period: 'year' });
    expect(start).toBe('2025-01-01');
    expect(slices[0]).toEqual({ slice: 1, from: '2025-01-01', to: '2026-01-01', cur: false, prev: true, month: null });
    expect(slices.slice(1).every((s) => s.cur && !s.prev)).toBe(true);
    expect(slices.slice(1).map((s) => s.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('start a period that begins mid-month with a part month', () => {
    const { slices } = slicesOf({ period: 'custom', from: '2026-03-10', to: '2026-03-20' });
    // The window is the 12 months ending with March, cut at the period's end; the period is a slice of March.
    expect(slices.filter((s) => s.cur)).toEqual([{ slice: slices.length, from: '2026-03-10', to: '2026-03-20', cur: true, prev: false, month: 12 }]);
    expect(slices.filter((s) => s.prev).map((s) => [s.from, s.to])).toEqual([['2026-02-28', '2026-03-01'], ['2026-03-01', '2026-03-10']]);
  });
});

/** The demo organisation as of this moment (Europe/Moscow, UTC+3 all year). */
const SEEDED_AT = new Date('2026-11-22T09:30:00Z');
/** Midnight of an org-local date, written by hand: Moscow has no daylight saving. */
const msk = (date: string) => `${date}T00:00:00+03:00`;

interface Flows {
  invoiced: number;
  invoiced_amount: string;
  payments: number;
  paid_amount: string;
}
interface Debt {
  key: string | number | null;
  invoices: number;
  outstanding: string;
  overdue_invoices: number;
  overdue: string;
  b1: string;
  b2: string;
  b3: string;
  b4: string;
  oldest: number;
}

/**
 * The expected figures, written from the definitions and not from the service: invoices issued
 * (not draft, not cancelled) by their issue date, payments by their instant, and each invoice's
 * debt at a moment as its total less the sum of its payments before that moment (not paid_amount).
 */
function expectations(db: () => Database) {
  async function flows(from: string, to: string, where: SQL = sql`true`): Promise<Flows> {
    const [invoiced] = rowsOf<{ n: number; amount: string }>(
      await db().execute(sql`
        select count(*)::int as n, coalesce(sum(total), 0)::numeric(16,2)::text as amount from invoices
        where status in ('issued', 'paid') and issue_date >= ${from}::date and issue_date < ${to}::date and ${where}`),
    );
    const [paid] = rowsOf<{ n: number; amount: string }>(
      await db().execute(sql`
        select count(*)::int as n, coalesce(sum(payments.amount), 0)::numeric(16,2)::text as amount
        from payments join invoices on invoices.id = payments.invoice_id
        where invoices.status in ('issued', 'paid') and paid_at >= ${msk(from)}::timestamptz and paid_at < ${msk(to)}::timestamptz and ${where}`),
    );
    return { invoiced: invoiced!.n, invoiced_amount: invoiced!.amount, payments: paid!.n, paid_amount: paid!.amount };
  }

  /** Debts at `instant`, aged on `day`, grouped by `key` (null: one total row). */
  async function debts(instant: string, day: string, key: SQL = sql`null::int`, where: SQL = sql`true`): Promise<Debt[]> {
    return rowsOf<Debt>(
      await db().execute(sql`
        with owed as (
          select invoices.*, total - coalesce((select sum(amount) from payments where payments.invoice_id = invoices.id and paid_at < ${instant}::timestamptz), 0) as owes,
                 ${day}::date - due_date as late
          from invoices
          where status in ('issued', 'paid') and issue_date <= ${day}::date and ${where}
        )
        select ${key} as key, count(*)::int as invoices, sum(owes)::numeric(16,2)::text as outstanding,
               sum(case when late > 0 then 1 else 0 end)::int as overdue_invoices,
               sum(case when late > 0 then owes else 0 end)::numeric(16,2)::text as overdue,
               sum(case when late between 1 and 30 then owes else 0 end)::numeric(16,2)::text as b1,
               sum(case when late between 31 and 60 then owes else 0 end)::numeric(16,2)::text as b2,
               sum(case when late between 61 and 90 then owes else 0 end)::numeric(16,2)::text as b3,
               sum(case when late > 90 then owes else 0 end)::numeric(16,2)::text as b4,
               max(late) as oldest
        from owed where owes > 0 group by 1`),
    );
  }
  return { flows, debts };
}

const flowShape = (f: { invoiced: number; invoicedAmount: string; payments: number; paidAmount: string }) => ({
  invoiced: f.invoiced,
  invoiced_amount: f.invoicedAmount,
  payments: f.payments,
  paid_amount: f.paidAmount,
});
type DebtShape = DebtFigures;
const debtShape = (d: DebtShape) => ({
  invoices: d.invoices,
  outstanding: d.outstanding,
  overdue_invoices: d.overdueInvoices,
  overdue: d.overdue,
  b1: d.aging.days1to30,
  b2: d.aging.days31to60,
  b3: d.aging.days61to90,
  b4: d.aging.over90,
});
const expectedDebt = (d: Debt | undefined) =>
  d
    ? { invoices: d.invoices, outstanding: d.outstanding, overdue_invoices: d.overdue_invoices, overdue: d.overdue, b1: d.b1, b2: d.b2, b3: d.b3, b4: d.b4 }
    : { invoices: 0, outstanding: '0.00', overdue_invoices: 0, overdue: '0.00', b1: '0.00', b2: '0.00', b3: '0.00', b4: '0.00' };
const cents = (amount: string) => Math.round(Number(amount) * 100);
const CLIENT_KEY = sql`case when company_id is not null then 'company:' || company_id when contact_id is not null then 'contact:' || contact_id end`;

describe.each(DRIVERS)('the receivables report equals direct SQL on the demo organisation, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  const db = () => database().db;
  const { flows, debts } = expectations(db);
  let executive: SessionUser;
  let admin: SessionUser;
  let head: SessionUser;
  let manager: SessionUser;
  const now = SEEDED_AT;

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: SEEDED_AT });
    const pick = async (role: string) => {
      const [row] = rowsOf<{ id: number }>(await db().execute(sql`select id from users where role = ${role} and is_active order by id limit 1`));
      return (await loadActiveUser(db(), row!.id))!;
    };
    [executive, admin, head, manager] = await Promise.all([pick('executive'), pick('admin'), pick('head'), pick('manager')]);
  });

  /** Every figure of a report against the direct queries, debts taken at `instant` aged on `day`. */
  async function expectReport(report: ReceivablesReport, from: string, to: string, instant: string, day: string, where: SQL = sql`true`) {
    expect(report.period).toMatchObject({ from, to });
    expect(report.asOf.date).toBe(day);
    expect(flowShape(report.totals)).toEqual(await flows(from, to, where));
    expect(flowShape(report.previous)).toEqual(await flows(report.period.previous.from, report.period.previous.to, where));

    const [total] = await debts(instant, day, undefined, where);
    expect(debtShape(report.totals)).toEqual(expectedDebt(total));
    expect(cents(report.totals.notDue)).toBe(cents(report.totals.outstanding) - cents(report.totals.overdue));

    // Managers: everyone who invoiced or was paid in the period, or is owed at its end.
    const owed = new Map((await debts(instant, day, sql`owner_id`, where)).map((r) => [r.key as number, r]));
    const active = rowsOf<{ id: number }>(
      await db().execute(sql`
        select owner_id as id from invoices where status in ('issued', 'paid') and issue_date >= ${from}::date and issue_date < ${to}::date and ${where}
        union
        select owner_id from invoices join payments on payments.invoice_id = invoices.id
        where status in ('issued', 'paid') and paid_at >= ${msk(from)}::timestamptz and paid_at < ${msk(to)}::timestamptz and ${where}`),
    ).map((r) => r.id);
    expect(new Set(report.byManager.map((m) => m.ownerId))).toEqual(new Set([...active, ...owed.keys()]));
    for (const row of report.byManager) {
      expect({ id: row.ownerId, ...flowShape(row), ...debtShape(row) }).toEqual({
        id: row.ownerId,
        ...(await flows(from, to, sql`owner_id = ${row.ownerId} and ${where}`)),
        ...expectedDebt(owed.get(row.ownerId)),
      });
    }
    const outstanding = report.byManager.map((m) => cents(m.outstanding));
    expect(outstanding).toEqual([...outstanding].sort((a, b) => b - a));

    // Clients: the largest debtors first, each as the direct query has it, with its name.
    const clients = (await debts(instant, day, CLIENT_KEY, where)).sort((a, b) => cents(b.outstanding) - cents(a.outstanding));
    expect(report.debtors).toBe(clients.length);
    expect(report.byClient).toHaveLength(Math.min(CLIENT_LIMIT, clients.length));
    const byKey = new Map(clients.map((c) => [c.key, c]));
    for (const [index, row] of report.byClient.entries()) {
      const expected = byKey.get(row.kind === null ? null : `${row.kind}:${row.clientId}`);
      expect({ ...debtShape(row), oldest: row.maxDaysOverdue }).toEqual({ ...expectedDebt(expected), oldest: expected!.oldest });
      expect(cents(row.outstanding)).toBe(cents(clients[index]!.outstanding));
      const [name] = rowsOf<{ name: string }>(
        await db().execute(
          row.kind === 'company'
            ? sql`select name from companies where id = ${row.clientId}`
            : sql`select concat_ws(' ', last_name, first_name, middle_name) as name from contacts where id = ${row.clientId}`,
        ),
      );
      expect(row.name).toBe(name!.name);
    }
  }

  it('has demo debts to compare: overdue in every bucket, partly paid invoices, clients by company and by contact', async () => {
    const [total] = await debts(now.toISOString(), '2026-11-22');
    expect(total!.invoices).toBeGreaterThan(10);
    for (const bucket of [total!.b1, total!.b2, total!.b3, total!.b4]) expect(cents(bucket)).toBeGreaterThan(0);
    const clients = await debts(now.toISOString(), '2026-11-22', CLIENT_KEY);
    expect(clients.some((c) => String(c.key).startsWith('company:'))).toBe(true);
    expect(clients.some((c) => String(c.key).startsWith('contact:'))).toBe(true);
    const [partly] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from invoices where status = 'issued' and paid_amount > 0`));
    expect(partly!.n).toBeGreaterThan(0);
  });

  for (const [label, filters, from, to, instant, day] of [
    // A running period: the debts are those of now, aged on today.
    ['this month (as of now)', { period: 'thisMonth' }, '2026-11-01', '2026-12-01', SEEDED_AT.toISOString(), '2026-11-22'],
    ['this year (as of now)', { period: 'year' }, '2026-01-01', '2027-01-01', SEEDED_AT.toISOString(), '2026-11-22'],
    // A past period: the debts at its end, aged on its last day.
    ['last month (as of its end)', { period: 'lastMonth' }, '2026-10-01', '2026-11-01', msk('2026-11-01'), '2026-10-31'],
    ['a past quarter (as of its end)', { period: 'custom', from: '2026-04-01', to: '2026-07-01' }, '2026-04-01', '2026-07-01', msk('2026-07-01'), '2026-06-30'],
  ] as const) {
    it(`invoiced, paid, debts per manager and client for ${label}`, async () => {
      const report = await receivablesReport({ db: db(), actor: executive }, filters, { now });
      expect(report.asOf.current).toBe(instant === SEEDED_AT.toISOString());
      await expectReport(report, from, to, instant, day);
    });
  }

  it('draws invoiced vs paid for 12 months ending with the period, each month equal to direct SQL', async () => {
    const report = await receivablesReport({ db: db(), actor: executive }, { period: 'thisMonth' }, { now });
    expect(report.byMonth.map((m) => m.month)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    for (const month of report.byMonth) expect(flowShape(month)).toEqual(await flows(month.from, month.to));
    expect(report.byMonth.some((m) => m.invoiced > 0 && m.payments > 0)).toBe(true);
    expect(flowShape(report.byMonth.at(-1)!)).toEqual(flowShape(report.totals));
  });

  it('splits a long period starting mid-month into its months, each equal to direct SQL and adding up to the totals', async () => {
    const report = await receivablesReport({ db: db(), actor: executive }, { period: 'custom', from: '2025-06-15', to: '2026-11-10' }, { now });
    expect(report.byMonth).toHaveLength(18);
    expect(report.byMonth[0]).toMatchObject({ month: '2025-06', from: '2025-06-15', to: '2025-07-01' });
    expect(report.byMonth.at(-1)).toMatchObject({ month: '2026-11', from: '2026-11-01', to: '2026-11-10' });
    for (const month of report.byMonth) expect(flowShape(month)).toEqual(await flows(month.from, month.to));
    const sum = (pick: (m: (typeof report.byMonth)[number]) => string) => report.byMonth.reduce((total, m) => total + cents(pick(m)), 0);
    expect(sum((m) => m.invoicedAmount)).toBe(cents(report.totals.invoicedAmount));
    expect(sum((m) => m.paidAmount)).toBe(cents(report.totals.paidAmount));
    expect(flowShape(report.previous)).toEqual(await flows(report.period.previous.from, report.period.previous.to));
  });

  it('lists only the largest debtors when asked for fewer, still counting them all', async () => {
    const all = await receivablesReport({ db: db(), actor: executive }, { period: 'thisMonth' }, { now, clientLimit: null });
    const five = await receivablesReport({ db: db(), actor: executive }, { period: 'thisMonth' }, { now, clientLimit: 5 });
    expect(all.debtors).toBeGreaterThan(5);
    expect(all.byClient).toHaveLength(all.debtors);
    expect(five.debtors).toBe(all.debtors);
    expect(five.byClient).toEqual(all.byClient.slice(0, 5));
    expect(five.totals).toEqual(all.totals);
  });

  it('narrows invoices by the source and pipeline of their deal', async () => {
    const [deal] = rowsOf<{ pipeline_id: number; source_id: number }>(
      await db().execute(sql`select d.pipeline_id, d.source_id from invoices i join deals d on d.id = i.deal_id where d.source_id is not null group by 1, 2 order by count(*) desc limit 1`),
    );
    const where = sql`deal_id in (select id from deals where pipeline_id = ${deal!.pipeline_id} and source_id = ${deal!.source_id})`;
    const report = await receivablesReport({ db: db(), actor: admin }, { period: 'year', pipelineId: deal!.pipeline_id, sourceId: deal!.source_id }, { now });
    await expectReport(report, '2026-01-01', '2027-01-01', SEEDED_AT.toISOString(), '2026-11-22', where);
    const all = await receivablesReport({ db: db(), actor: admin }, { period: 'year' }, { now });
    expect(cents(report.totals.outstanding)).toBeLessThan(cents(all.totals.outstanding));
  });

  describe('borders, drafts, cancellations and aging (fixture invoices around March 2027)', () => {
    /** March 2027 has passed by this moment, so its debts are taken at its end: 2027-04-01 00:00 MSK. */
    const LATER = new Date('2027-05-10T12:00:00Z');
    const MARCH = { period: 'custom', from: '2027-03-01', to: '2027-04-01' } as const;
    const START = '2027-02-28T21:00:00Z';
    const END = '2027-03-31T21:00:00Z';

    async function fixture(tx: Database) {
      const one = async <T>(query: SQL) => rowsOf<T>(await tx.execute(query))[0]!;
      const company = (await one<{ id: number }>(sql`insert into companies (name, owner_id) values ('ООО "Должник"', ${manager.id}) returning id`)).id;
      const contact = (await one<{ id: number }>(sql`insert into contacts (last_name, first_name, owner_id) values ('Петров', 'Пётр', ${manager.id}) returning id`)).id;
      let seq = 9000;
      const invoice = async (o: { status: string; total: string; issue: string; due: string; company?: number | null; contact?: number | null; payments?: [string, string][] }) => {
        const paid = (o.payments ?? []).reduce((sum, [amount]) => sum + Number(amount), 0).toFixed(2);
        const row = await one<{ id: number }>(sql`
          insert into invoices (year, seq, company_id, contact_id, owner_id, status, total, paid_amount, issue_date, due_date)
          values (2027, ${++seq}, ${o.company === undefined ? company : o.company}, ${o.contact ?? null}, ${manager.id}, ${o.status}, ${o.total}, ${paid}, ${o.issue}::date, ${o.due}::date)
          returning id`);
        for (const [amount, at] of o.payments ?? []) {
          await tx.execute(sql`insert into payments (invoice_id, amount, paid_at) values (${row.id}, ${amount}, ${at}::timestamptz)`);
        }
        return row.id;
      };
      // Issued on the first day (in), unpaid, due the last day: owed, not overdue on 31 March.
      await invoice({ status: 'issued', total: '1000.00', issue: '2027-03-01', due: '2027-03-31' });
      // Issued on the last day (in), paid at the last instant (in): owes nothing at the end.
      await invoice({ status: 'paid', total: '2000.00', issue: '2027-03-31', due: '2027-04-10', payments: [['2000.00', '2027-03-31T20:59:59.999Z']] });
      // Issued the day after (out); paid at the first instant of April (out of March's payments).
      await invoice({ status: 'paid', total: '4000.00', issue: '2027-04-01', due: '2027-04-10', payments: [['4000.00', END]] });
      // Issued the day before (the previous period); half paid at the first instant of March (in),
      // the rest at the first instant of April (after the end): 250.00 owed at the end, 1 day late.
      await invoice({ status: 'paid', total: '500.00', issue: '2027-02-28', due: '2027-03-30', payments: [['250.00', START], ['250.00', END]] });
      // A draft and a cancelled invoice in March: neither invoiced nor owed.
      await invoice({ status: 'draft', total: '700.00', issue: '2027-03-10', due: '2027-03-20' });
      await invoice({ status: 'cancelled', total: '800.00', issue: '2027-03-10', due: '2027-03-20' });
      // Aging on 31 March: 30 days late (1–30), 31 (31–60), 90 (61–90), 91 (over 90); to the contact, without a company.
      await invoice({ status: 'issued', total: '30.00', issue: '2026-12-01', due: '2027-03-01', company: null, contact });
      await invoice({ status: 'issued', total: '31.00', issue: '2026-12-01', due: '2027-02-28', company: null, contact });
      await invoice({ status: 'issued', total: '90.00', issue: '2026-12-01', due: '2026-12-31', company: null, contact });
      await invoice({ status: 'issued', total: '91.00', issue: '2026-12-01', due: '2026-12-30', company: null, contact });
      // To nobody in particular: neither a company nor a contact.
      await invoice({ status: 'issued', total: '5.00', issue: '2027-03-15', due: '2027-04-15', company: null });
      return { company, contact };
    }

    it('counts issue dates and payments at the start, not at the end; ages debts on the last day', async () => {
      await inRollback(db(), async (tx) => {
        const ids = await fixture(tx);
        const report = await receivablesReport({ db: tx, actor: executive }, MARCH, { now: LATER });
        expect(report.asOf).toEqual({ current: false, date: '2027-03-31' });
        // Invoiced in March: the 1,000, the 2,000 and the 5; paid in March: the 2,000 and the first 250.
        expect(flowShape(report.totals)).toEqual({ invoiced: 3, invoiced_amount: '3005.00', payments: 2, paid_amount: '2250.00' });
        expect(flowShape(report.previous)).toMatchObject({ invoiced: 1, invoiced_amount: '500.00', payments: 0 });
        const company = report.byClient.find((c) => c.kind === 'company' && c.clientId === ids.company)!;
        expect(company).toMatchObject({
          name: 'ООО "Должник"',
          invoices: 2,
          outstanding: '1250.00',
          overdueInvoices: 1,
          overdue: '250.00',
          notDue: '1000.00',
          maxDaysOverdue: 1,
          aging: { days1to30: '250.00', days31to60: '0.00', days61to90: '0.00', over90: '0.00' },
        });
        const person = report.byClient.find((c) => c.kind === 'contact' && c.clientId === ids.contact)!;
        expect(person).toMatchObject({
          name: 'Петров Пётр',
          invoices: 4,
          outstanding: '242.00',
          overdue: '242.00',
          maxDaysOverdue: 91,
          aging: { days1to30: '30.00', days31to60: '31.00', days61to90: '90.00', over90: '91.00' },
        });
        expect(report.byClient.find((c) => c.kind === null)).toMatchObject({ clientId: null, name: null, invoices: 1, outstanding: '5.00', overdue: '0.00', maxDaysOverdue: -15 });
        const own = report.byManager.find((m) => m.ownerId === manager.id)!;
        expect(own).toMatchObject({ invoiced: 3, paidAmount: '2250.00' });
        // And the whole organisation at that moment, demo invoices included, as the direct queries have it.
        const { flows: txFlows, debts: txDebts } = expectations(() => tx);
        expect(flowShape(report.totals)).toEqual(await txFlows('2027-03-01', '2027-04-01'));
        const [total] = await txDebts(msk('2027-04-01'), '2027-03-31');
        expect(debtShape(report.totals)).toEqual(expectedDebt(total));
        const [ownDebt] = await txDebts(msk('2027-04-01'), '2027-03-31', undefined, sql`owner_id = ${manager.id}`);
        expect(debtShape(own)).toEqual(expectedDebt(ownDebt));
      });
    });

    it('a paid invoice still owed at a past period’s end (paid after it) counts as a debt then', async () => {
      await inRollback(db(), async (tx) => {
        await fixture(tx);
        const april = await receivablesReport({ db: tx, actor: executive }, { period: 'custom', from: '2027-04-01', to: '2027-05-01' }, { now: LATER });
        const march = await receivablesReport({ db: tx, actor: executive }, MARCH, { now: LATER });
        // The 500 invoice: 250 owed at March's end, nothing at April's.
        const owed = (report: ReceivablesReport) => cents(report.byManager.find((m) => m.ownerId === manager.id)!.outstanding);
        expect(owed(march) - owed(april)).toBe(cents('250.00'));
      });
    });
  });

  it('gives zeros for an empty past period, and today’s debts for a period still to come', async () => {
    const past = await receivablesReport({ db: db(), actor: executive }, { period: 'custom', from: '2020-01-01', to: '2020-02-01' }, { now });
    expect(past.asOf).toEqual({ current: false, date: '2020-01-31' });
    expect(flowShape(past.totals)).toEqual({ invoiced: 0, invoiced_amount: '0.00', payments: 0, paid_amount: '0.00' });
    expect(debtShape(past.totals)).toEqual(expectedDebt(undefined));
    expect(past).toMatchObject({ byManager: [], byClient: [], debtors: 0 });
    expect(past.byMonth).toHaveLength(12);
    expect(past.byMonth.every((m) => m.invoiced === 0 && m.payments === 0)).toBe(true);

    const future = await receivablesReport({ db: db(), actor: executive }, { period: 'custom', from: '2030-01-01', to: '2030-02-01' }, { now });
    expect(future.asOf).toEqual({ current: true, date: '2026-11-22' });
    await expectReport(future, '2030-01-01', '2030-02-01', SEEDED_AT.toISOString(), '2026-11-22');
    expect(flowShape(future.totals)).toEqual({ invoiced: 0, invoiced_amount: '0.00', payments: 0, paid_amount: '0.00' });
    expect(future.byManager.every((m) => m.invoiced === 0 && m.payments === 0 && cents(m.outstanding) > 0)).toBe(true);
  });

  describe('scope', () => {
    const teamOf = (user: SessionUser) => sql`owner_id in (select id from users where team_id = ${user.teamId})`;

    it("gives a head only the own team's invoices and debtors", async () => {
      const report = await receivablesReport({ db: db(), actor: head }, { period: 'year' }, { now });
      await expectReport(report, '2026-01-01', '2027-01-01', SEEDED_AT.toISOString(), '2026-11-22', teamOf(head));
      const all = await receivablesReport({ db: db(), actor: executive }, { period: 'year' }, { now });
      expect(cents(report.totals.outstanding)).toBeLessThan(cents(all.totals.outstanding));
      const members = new Set(rowsOf<{ id: number }>(await db().execute(sql`select id from users where team_id = ${head.teamId}`)).map((r) => r.id));
      expect(report.byManager.length).toBeGreaterThan(0);
      expect(report.byManager.every((m) => members.has(m.ownerId))).toBe(true);
      // An executive asking for that team gets the same figures.
      const asked = await receivablesReport({ db: db(), actor: executive }, { period: 'year', teamId: head.teamId! }, { now });
      expect(asked.totals).toEqual(report.totals);
    });

    it('refuses a manager, and a head asking for another team', async () => {
      await expect(receivablesReport({ db: db(), actor: manager }, {}, { now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(receivablesReport({ db: db(), actor: head }, { teamId: head.teamId! + 1 }, { now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('serves heads, executives and admins through the router, refuses managers and bad filters', async () => {
      const caller = (user: SessionUser) => createCallerFactory(analyticsReceivablesRouter)({ db: db(), user });
      const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: unknown) => (error instanceof TRPCError ? error.code : Promise.reject(error)));
      for (const user of [head, executive, admin]) expect(await codeOf(caller(user).receivables({ period: 'lastMonth' }))).toBe('OK');
      expect(await codeOf(caller(manager).receivables({}))).toBe('FORBIDDEN');
      expect(await codeOf(caller(head).receivables({ teamId: head.teamId! + 1 }))).toBe('FORBIDDEN');
      expect(await codeOf(caller(executive).receivables({ period: 'custom', from: '2026-02-01', to: '2026-01-01' }))).toBe('BAD_REQUEST');
    });
  });
});
