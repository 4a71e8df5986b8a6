import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import type { ServiceContext } from '../context';
import type { DateRange, ReportPeriod } from './report-filters';
import type { SalesReportBase } from './sales-report-base';

/**
 * The SQL of the receivables report (receivables.ts assembles it). Invoices are aliased `i`.
 * Counted invoices are issued or paid ones: a draft is not a claim yet, a cancelled one no longer.
 */
export const COUNTED_INVOICE = sql`i.status in ('issued', 'paid')`;

/** The aging buckets, by whole days past the due date (the due date itself is still on time). */
export const AGING_BUCKETS = ['days1to30', 'days31to60', 'days61to90', 'over90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

interface FlowSums {
  invoiced: number;
  invoiced_amount: string;
  payments: number;
  paid_amount: string;
}
/** Plain names: the period; `p_`: the previous period; `t_`: the trend month (whole window). */
export type FlowRow = { g: number; owner_id: number | null; month: number | null } & FlowSums & { [K in keyof FlowSums as `p_${K}`]: FlowSums[K] } & {
  [K in keyof FlowSums as `t_${K}`]: FlowSums[K];
};

// grouping(owner_id, month) bits: 0 in a bit = grouped by that column.
export const FLOW_SET = { total: 0b11, owner: 0b01, month: 0b10 };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function flowSums(prefix: string, filter: string): SQL {
  const f = `filter (where ${filter})`;
  return sql.raw(`coalesce(sum(invoiced) ${f}, 0)::int as ${prefix}invoiced,
    coalesce(sum(invoiced_amount) ${f}, 0)::numeric(16,2)::text as ${prefix}invoiced_amount,
    coalesce(sum(payments) ${f}, 0)::int as ${prefix}payments,
    coalesce(sum(paid_amount) ${f}, 0)::numeric(16,2)::text as ${prefix}paid_amount`);
}

/**
 * The slices a flow row can fall into: the dates where the period, the previous period, the trend
 * window or a trend month begins or ends, sorted. A row's slice is one width_bucket over them
 * (cheaper per row than a CASE and a comparison per range); each slice is wholly inside or outside
 * every range, so what it counts for is decided once per slice here.
 */
export function flowSlices(period: ReportPeriod, trend: { window: DateRange; months: string[] }) {
  const start = trend.window.from < period.previous.from ? trend.window.from : period.previous.from;
  const monthStarts = trend.months.map((month) => (`${month}-01` < trend.window.from ? trend.window.from : `${month}-01`));
  const bounds = [...new Set([start, period.previous.from, period.from, trend.window.from, ...monthStarts])].sort();
  const slices = bounds.map((from, index) => {
    const to = bounds[index + 1] ?? period.to;
    // The trend month this slice lies in (1-based), if the slice is inside the window.
    const month = from < trend.window.from ? null : monthStarts.findLastIndex((monthStart) => monthStart <= from) + 1;
    return { slice: index + 1, from, to, cur: from >= period.from, prev: from >= period.previous.from && to <= period.from, month };
  });
  return { start, bounds, slices };
}

/**
 * Money in: invoices issued (issue_date, a calendar date) and payments received (paid_at, an
 * instant) — in the period in total and per manager, in the previous period in total, and per
 * trend month. One pass over [earliest of trend window and previous period, end of period):
 * grouped first per (owner, slice), then GROUPING SETS over those few cells. Payments count when
 * their invoice is counted (not draft, not cancelled). With `monthly` (every range whole months,
 * no pipeline or source filter) the cells come from invoice_flow_monthly (aliased as i, so the
 * owner condition applies), a few rows per manager and month instead of every invoice and payment.
 */
export async function flowFigures(ctx: ServiceContext, base: SalesReportBase, where: SQL, monthly: boolean): Promise<FlowRow[]> {
  const { period } = base;
  const { start, bounds, slices } = flowSlices(period, base.trend);
  for (const date of bounds) if (!DATE.test(date)) throw new Error(`unexpected date ${date}`);
  const dates = sql.raw(`'{${bounds.join(',')}}'::date[]`);
  const instants = sql`array[${sql.join(bounds.map((date) => base.at(date)), sql`, `)}]`;
  const meaning = sql.join(
    slices.map((s) => sql`(${sql.raw(String(s.slice))}, ${sql.raw(s.month === null ? 'null::int' : String(s.month))}, ${sql.raw(String(s.cur))}, ${sql.raw(String(s.prev))})`),
    sql`, `,
  );
  const cells = monthly
    ? sql`
        select i.owner_id, width_bucket(i.month, ${dates}) as slice,
               sum(i.invoiced) as invoiced, sum(i.invoiced_amount) as invoiced_amount, sum(i.payments) as payments, sum(i.paid_amount) as paid_amount
        from invoice_flow_monthly i
        where i.month >= ${start}::date and i.month < ${period.to}::date and ${where}
        group by 1, 2`
    : sql`
        select i.owner_id, width_bucket(i.issue_date, ${dates}) as slice,
               count(*) as invoiced, sum(i.total) as invoiced_amount, 0::bigint as payments, 0::numeric as paid_amount
        from invoices i
        where ${COUNTED_INVOICE} and i.issue_date >= ${start}::date and i.issue_date < ${period.to}::date and ${where}
        group by 1, 2
        union all
        select i.owner_id, width_bucket(p.paid_at, ${instants}), 0, 0, count(*), sum(p.amount)
        from payments p join invoices i on i.id = p.invoice_id
        where p.paid_at >= ${base.at(start)} and p.paid_at < ${base.at(period.to)} and ${COUNTED_INVOICE} and ${where}
        group by 1, 2`;
  return rowsOf<FlowRow>(
    await ctx.db.execute(sql`
      with cells as (${cells}),
      slices (slice, month, cur, prev) as (values ${meaning})
      select grouping(c.owner_id, s.month)::int as g, c.owner_id, s.month,
             ${flowSums('', 'cur')}, ${flowSums('p_', 'prev')}, ${flowSums('t_', 'month is not null')}
      from cells c join slices s on s.slice = c.slice
      group by grouping sets ((), (c.owner_id), (s.month))`),
  );
}

/** The moment the debts are taken at: an instant for payments, and that instant's calendar day for due dates. */
export interface AsOf {
  /** Payments before this instant count (a timestamptz SQL literal). */
  instant: SQL;
  /** The org-local calendar day the debts are aged on: overdue when this day is after the due date. */
  date: string;
}

export interface DebtRow {
  set: 'total' | 'owner' | 'client';
  owner_id: number | null;
  client_kind: 'company' | 'contact' | null;
  client_id: number | null;
  client_name: string | null;
  invoices: number;
  outstanding: string;
  overdue_invoices: number;
  overdue: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  over90: string;
  max_days_overdue: number | null;
  /** Every debtor (the client rows are only the largest ones). */
  debtors: number;
}

const DEBT_SUMS = sql.raw(`count(*)::int as invoices,
  coalesce(sum(outstanding), 0)::numeric(16,2) as outstanding,
  (count(*) filter (where days_overdue > 0))::int as overdue_invoices,
  coalesce(sum(outstanding) filter (where days_overdue > 0), 0)::numeric(16,2) as overdue,
  coalesce(sum(outstanding) filter (where days_overdue between 1 and 30), 0)::numeric(16,2) as days1to30,
  coalesce(sum(outstanding) filter (where days_overdue between 31 and 60), 0)::numeric(16,2) as days31to60,
  coalesce(sum(outstanding) filter (where days_overdue between 61 and 90), 0)::numeric(16,2) as days61to90,
  coalesce(sum(outstanding) filter (where days_overdue > 90), 0)::numeric(16,2) as over90,
  max(days_overdue) as max_days_overdue`);
/** The sums above as the driver reads them (money as text). */
const DEBT_FIGURES = sql.raw(`invoices, outstanding::text, overdue_invoices, overdue::text, days1to30::text, days31to60::text,
  days61to90::text, over90::text, max_days_overdue`);

/**
 * The debts at a moment, as CTEs `later` and `debts` (one row per invoice that owes something): a
 * counted invoice issued by that day owes its total less the payments received before the
 * instant; overdue when the day is past its due date.
 *
 * What was paid before the instant = paid_amount (all payments) − payments from the instant on.
 * So only two kinds of invoice can owe anything: those not fully paid now (status 'issued') and
 * those with a payment from the instant on (found by the payments' paid_at index); the payments
 * of every other invoice need not be read. (paid_amount is the sum of the invoice's payments —
 * the seed's integrity check 'invoice-paid' — and the tests compare these figures with sums over
 * the payments themselves.)
 */
function debtsAt(where: SQL, asOf: AsOf): SQL {
  return sql`
    later as (
      select p.invoice_id, sum(p.amount) as amount from payments p where p.paid_at >= ${asOf.instant} group by 1
    ),
    debts as materialized (
      select i.owner_id,
             -- Never null, so the keys join by hash: 'none' / 0 for an invoice with neither.
             case when i.company_id is not null then 'company' when i.contact_id is not null then 'contact' else 'none' end as client_kind,
             coalesce(i.company_id, i.contact_id, 0) as client_id,
             i.total - i.paid_amount + coalesce(l.amount, 0) as outstanding,
             ${asOf.date}::date - i.due_date as days_overdue
      from invoices i left join later l on l.invoice_id = i.id
      where (i.status = 'issued' or (i.status = 'paid' and l.invoice_id is not null))
        and i.issue_date <= ${asOf.date}::date and ${where}
        and i.total - i.paid_amount + coalesce(l.amount, 0) > 0
    )`;
}

/** The debts at a moment in total (owner null) and per manager, aged in buckets. */
export async function debtTotals(ctx: ServiceContext, where: SQL, asOf: AsOf): Promise<DebtRow[]> {
  return rowsOf<DebtRow>(
    await ctx.db.execute(sql`
      with ${debtsAt(where, asOf)},
      owners as materialized (select owner_id, ${DEBT_SUMS} from debts group by owner_id)
      -- The total from the few manager rows, not another pass over every debt.
      select 'total' as set, null::int as owner_id, null as client_kind, null::int as client_id, null as client_name,
             coalesce(sum(invoices), 0)::int as invoices, coalesce(sum(outstanding), 0)::numeric(16,2)::text as outstanding,
             coalesce(sum(overdue_invoices), 0)::int as overdue_invoices, coalesce(sum(overdue), 0)::numeric(16,2)::text as overdue,
             coalesce(sum(days1to30), 0)::numeric(16,2)::text as days1to30, coalesce(sum(days31to60), 0)::numeric(16,2)::text as days31to60,
             coalesce(sum(days61to90), 0)::numeric(16,2)::text as days61to90, coalesce(sum(over90), 0)::numeric(16,2)::text as over90,
             max(max_days_overdue) as max_days_overdue, 0 as debtors
      from owners
      union all
      select 'owner', owner_id, null, null, null, ${DEBT_FIGURES}, 0 from owners`),
  );
}

/**
 * The debts at a moment per client (the company, else the contact): the `clientLimit` largest
 * debtors (null: all) with their names, each row also counting every debtor.
 */
export async function debtClients(ctx: ServiceContext, where: SQL, asOf: AsOf, clientLimit: number | null): Promise<DebtRow[]> {
  return rowsOf<DebtRow>(
    await ctx.db.execute(sql`
      with ${debtsAt(where, asOf)},
      -- The ranking needs only each client's total; the full figures are summed for the largest only.
      clients as materialized (
        select client_kind, client_id, sum(outstanding) as outstanding from debts group by client_kind, client_id
      ),
      largest as (
        select client_kind, client_id from clients
        order by outstanding desc, client_kind, client_id limit ${clientLimit === null ? sql`all` : clientLimit}
      ),
      largest_figures as (
        select d.client_kind, d.client_id, ${DEBT_SUMS}
        from debts d join largest l on l.client_kind = d.client_kind and l.client_id = d.client_id
        group by d.client_kind, d.client_id
      )
      -- Names by key lookups, for the rows kept only (a join would hash every company and contact).
      select 'client' as set, null::int as owner_id, nullif(client_kind, 'none') as client_kind, nullif(client_id, 0) as client_id,
             case client_kind when 'company' then (select c.name from companies c where c.id = client_id)
                              when 'contact' then (select nullif(concat_ws(' ', k.last_name, k.first_name, k.middle_name), '') from contacts k where k.id = client_id) end as client_name,
             ${DEBT_FIGURES}, (select count(*) from clients)::int as debtors
      from largest_figures`),
  );
}
