import { and, sql, type SQL } from 'drizzle-orm';
import { addDays, formatISO, parseISO } from 'date-fns';
import { rowsOf } from '@/db/client';
import type { ServiceContext } from '../context';
import { organisationDay } from '../today/org-day';
import { reportFilters, type DateRange, type ReportFiltersInput, type ReportPeriod } from './report-filters';
import { reportOwnerCondition } from './report-scope';
import { coversWholeMonths, prepareSalesReport, trendMonthRange } from './sales-report-base';
import { inReportParts } from './report-transaction';
import { AGING_BUCKETS, FLOW_SET, debtClients, debtTotals, flowFigures, type AgingBucket, type AsOf, type DebtRow, type FlowRow } from './receivables-queries';

export { AGING_BUCKETS, type AgingBucket } from './receivables-queries';

/** Money in over a period: invoices issued (not draft, not cancelled) and payments received. */
export interface ReceivableFlows {
  invoiced: number;
  invoicedAmount: string;
  payments: number;
  paidAmount: string;
}

/** What is owed at the report's moment (see ReceivablesReport.asOf). */
export interface DebtFigures {
  /** Invoices with something still to pay. */
  invoices: number;
  outstanding: string;
  overdueInvoices: number;
  overdue: string;
  /** outstanding − overdue: owed but not yet due. */
  notDue: string;
  aging: Record<AgingBucket, string>;
}

export interface ClientDebt extends DebtFigures {
  /** The invoice's company, else its contact; null: invoices with neither. */
  kind: 'company' | 'contact' | null;
  clientId: number | null;
  name: string | null;
  /** Days past due of the client's oldest unpaid invoice (negative: the first one falls due in that many days). */
  maxDaysOverdue: number;
}

export interface ReceivablesReport {
  period: ReportPeriod;
  /**
   * The moment debts are taken at: the end of the period, or now while the period is still
   * running (or has not begun). `date` is the calendar day the debts are aged on.
   */
  asOf: { current: boolean; date: string };
  totals: ReceivableFlows & DebtFigures;
  previous: ReceivableFlows;
  /** Managers (invoices.owner_id) with any figure, the largest debt first. */
  byManager: (ReceivableFlows & DebtFigures & { ownerId: number; name: string })[];
  /** The largest debtors, the largest first (at most `clientLimit` of `debtors`). */
  byClient: ClientDebt[];
  debtors: number;
  /** Invoiced and paid per month: each month of the period, at least the 12 months ending with it. */
  byMonth: (ReceivableFlows & { month: string } & DateRange)[];
}

/** The debtors list stops here: the rest are small, and counted in `debtors`. */
export const CLIENT_LIMIT = 100;

const ZERO = '0.00';
const EMPTY_FLOWS: ReceivableFlows = { invoiced: 0, invoicedAmount: ZERO, payments: 0, paidAmount: ZERO };
const EMPTY_DEBT: DebtFigures = {
  invoices: 0,
  outstanding: ZERO,
  overdueInvoices: 0,
  overdue: ZERO,
  notDue: ZERO,
  aging: { days1to30: ZERO, days31to60: ZERO, days61to90: ZERO, over90: ZERO },
};

/** Kopecks, exactly: amounts come as numeric text with two decimals. */
const cents = (amount: string) => BigInt(amount.replace('.', ''));
const fromCents = (value: bigint) => {
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

/** The period's figures of a row, or (prefix) the previous period's or the trend month's. */
function flows(row: FlowRow | undefined, prefix: '' | 'p_' | 't_' = ''): ReceivableFlows {
  if (!row) return EMPTY_FLOWS;
  return {
    invoiced: row[`${prefix}invoiced`],
    invoicedAmount: row[`${prefix}invoiced_amount`],
    payments: row[`${prefix}payments`],
    paidAmount: row[`${prefix}paid_amount`],
  };
}

function debt(row: DebtRow | undefined): DebtFigures {
  if (!row) return EMPTY_DEBT;
  return {
    invoices: row.invoices,
    outstanding: row.outstanding,
    overdueInvoices: row.overdue_invoices,
    overdue: row.overdue,
    notDue: fromCents(cents(row.outstanding) - cents(row.overdue)),
    aging: Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, row[bucket]])) as Record<AgingBucket, string>,
  };
}

const isoDate = (date: Date) => formatISO(date, { representation: 'date' });

/**
 * Where the debts are taken: a period that is over at its end (payments before its first instant
 * after, aged on its last day); a running or future one now (aged on today).
 */
function asOfMoment(base: { period: ReportPeriod; at(date: string): SQL }, today: string, now: Date): AsOf & { current: boolean } {
  if (today < base.period.to) return { current: true, instant: sql`${now.toISOString()}::timestamptz`, date: today };
  return { current: false, instant: base.at(base.period.to), date: isoDate(addDays(parseISO(base.period.to), -1)) };
}

/**
 * Receivables report (issue 7): invoiced and paid in the period against the previous one, and
 * what clients owe at the period's end — outstanding, overdue with aging — per manager and per
 * client, and a monthly trend of invoiced vs paid. Amounts are the stored ones, read as the
 * organisation's currency (as in every report: the CRM converts no currencies).
 * The pipeline and source filters narrow invoices through their deal (invoices without one drop out).
 */
export async function receivablesReport(
  ctx: ServiceContext,
  rawFilters: ReportFiltersInput,
  options: { now?: Date; /** How many debtors to list (null: all, for the export). */ clientLimit?: number | null } = {},
): Promise<ReceivablesReport> {
  const now = options.now ?? new Date();
  const filters = reportFilters.parse(rawFilters);
  const owners = reportOwnerCondition(ctx.actor, filters, sql`i.owner_id`);
  const base = await prepareSalesReport(ctx, filters, now);
  const { localDate: today } = await organisationDay(ctx.db, now);
  const dealFilters: SQL[] = [];
  if (filters.pipelineId !== undefined) dealFilters.push(sql`d.pipeline_id = ${filters.pipelineId}`);
  if (filters.sourceId !== undefined) dealFilters.push(sql`d.source_id = ${filters.sourceId}`);
  const where = dealFilters.length === 0 ? owners : and(owners, sql`exists (select 1 from deals d where d.id = i.deal_id and ${sql.join(dealFilters, sql` and `)})`)!;
  const asOf = asOfMoment(base, today, now);
  const { period, trend } = base;

  // Two parts at once (inReportParts): money in with the debts per manager, and the debtors. Each
  // part finds the open debts itself: on two cores that is sooner than one part waiting for the other.
  const clientLimit = options.clientLimit === undefined ? CLIENT_LIMIT : options.clientLimit;
  const { totals, clients } = await inReportParts(ctx, {
    totals: async (tx) => ({
      flowRows: await flowFigures(tx, base, where, dealFilters.length === 0 && coversWholeMonths(period, period.previous, trend.window)),
      debtRows: await debtTotals(tx, where, asOf),
      users: rowsOf<{ id: number; name: string }>(await tx.db.execute(sql`select id, name from users`)),
    }),
    clients: (tx) => debtClients(tx, where, asOf, clientLimit),
  });
  const { flowRows, debtRows, users } = totals;
  const flowsOf = (set: number) => flowRows.filter((r) => r.g === set);
  const debtsOf = (set: DebtRow['set']) => debtRows.filter((r) => r.set === set);
  const name = new Map(users.map((u) => [u.id, u.name]));
  const byOutstanding = (a: { outstanding: string }, b: { outstanding: string }) => Number(cents(b.outstanding) - cents(a.outstanding));

  // A manager appears with any figure: invoiced or paid in the period, or a debt at its end.
  const managers = new Map<number, { flows?: FlowRow; debt?: DebtRow }>();
  for (const r of flowsOf(FLOW_SET.owner)) if (r.invoiced + r.payments > 0) managers.set(r.owner_id!, { flows: r });
  for (const r of debtsOf('owner')) managers.set(r.owner_id!, { ...managers.get(r.owner_id!), debt: r });
  const monthRows = new Map(flowsOf(FLOW_SET.month).filter((r) => r.month !== null).map((r) => [trend.months[r.month! - 1], r]));
  const total = flowsOf(FLOW_SET.total)[0];

  return {
    period,
    asOf: { current: asOf.current, date: asOf.date },
    totals: { ...flows(total), ...debt(debtsOf('total')[0]) },
    previous: flows(total, 'p_'),
    byManager: [...managers]
      .map(([ownerId, r]) => ({ ownerId, name: name.get(ownerId) ?? `#${ownerId}`, ...flows(r.flows), ...debt(r.debt) }))
      .sort((a, b) => byOutstanding(a, b) || a.name.localeCompare(b.name)),
    byClient: clients
      .map((r) => ({ kind: r.client_kind, clientId: r.client_id, name: r.client_name, maxDaysOverdue: Number(r.max_days_overdue), ...debt(r) }))
      .sort((a, b) => byOutstanding(a, b) || (a.kind ?? '').localeCompare(b.kind ?? '') || (a.clientId ?? 0) - (b.clientId ?? 0)),
    debtors: clients[0]?.debtors ?? 0,
    byMonth: trend.months.map((month) => ({ month, ...trendMonthRange(month, trend.window), ...flows(monthRows.get(month), 't_') })),
  };
}
