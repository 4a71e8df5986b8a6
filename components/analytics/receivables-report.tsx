'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { formatDate } from '@/lib/format';
import { searchParamsFromFilters, type ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { reportHref } from '@/lib/analytics/reports';
import { useTRPC } from '@/lib/trpc/client';
import type { RouterOutputs } from '@/lib/trpc/types';
import { Compare } from './compare';
import { DrillLink } from './drill-link';
import { ReportChart } from './report-chart';
import { Figure, numberCell, ReportTable, useReportFormats } from './report-kit';

type Report = RouterOutputs['analytics']['receivables'];
type Debt = Omit<Report['byClient'][number], 'kind' | 'clientId' | 'name' | 'maxDaysOverdue'>;
const BUCKETS = ['days1to30', 'days31to60', 'days61to90', 'over90'] as const;
const BUCKET_COLOURS = ['bg-amber-300', 'bg-orange-400', 'bg-rose-500', 'bg-rose-700'] as const;

/** A client's card: the company, or the contact when the invoice has no company. */
const clientHref = (row: Report['byClient'][number]) =>
  row.clientId === null || row.kind === null ? null : `/${row.kind === 'company' ? 'companies' : 'contacts'}/${row.clientId}`;

/**
 * Receivables: invoiced and paid in the period (against the previous one), what clients owe at
 * the period's end — or now, while it runs — and how long overdue, per manager and per client.
 */
export function ReceivablesReport({ filters, currency }: { filters: ReportFilterValues; currency: string }) {
  const t = useTranslations('analytics.receivables');
  const trpc = useTRPC();
  const f = useReportFormats(currency);
  const { data } = useQuery(trpc.analytics.receivables.queryOptions(filters));
  if (!data) return null;
  const { totals, previous } = data;
  const overdueShare = Number(totals.outstanding) > 0 ? Number(totals.overdue) / Number(totals.outstanding) : null;
  /** The same report narrowed to one manager: the drill-down from a manager's row. */
  const managerHref = (ownerId: number) => reportHref('receivables', searchParamsFromFilters({ ...filters, ownerId }).toString());
  const debtCells = (d: Debt) => [f.money(d.outstanding), f.money(d.overdue), ...BUCKETS.map((bucket) => f.money(d.aging[bucket]))];
  const debtHead = [t('outstanding'), t('overdue'), ...BUCKETS.map((bucket) => t(`buckets.${bucket}`))];
  return (
    <section className="space-y-4">
      <p className="text-sm text-slate-600" data-testid="receivables-as-of">
        {t(data.asOf.current ? 'asOfNow' : 'asOfEnd', { date: formatDate(data.asOf.date, f.locale) })} {t('currency')}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Figure label={t('invoiced')} value={f.money(totals.invoicedAmount)}>
          <div className="text-xs text-slate-500">{t('invoiceCount', { count: totals.invoiced })}</div>
          <Compare current={Number(totals.invoicedAmount)} previous={Number(previous.invoicedAmount)} format={(v) => f.money(v)} />
        </Figure>
        <Figure label={t('paid')} value={f.money(totals.paidAmount)}>
          <Compare current={Number(totals.paidAmount)} previous={Number(previous.paidAmount)} format={(v) => f.money(v)} />
        </Figure>
        <Figure label={t('outstanding')} value={f.money(totals.outstanding)}>
          <div className="text-xs text-slate-500">{t('notDue', { amount: f.money(totals.notDue) })}</div>
        </Figure>
        <Figure label={t('overdue')} value={f.money(totals.overdue)}>
          {overdueShare !== null && <div className="text-xs text-rose-700">{t('overdueShare', { share: f.percent(overdueShare) })}</div>}
        </Figure>
      </div>

      <AgingBars totals={totals} label={t('aging')} bucketLabel={(bucket) => t(`buckets.${bucket}`)} money={f.money} />

      <div className="rounded-xl border border-slate-200 bg-white p-3">
        <h2 className="mb-2 text-sm font-semibold text-slate-700">{t('trend')}</h2>
        <ReportChart
          rows={data.byMonth.map((row) => ({ month: row.month, invoiced: Number(row.invoicedAmount), paid: Number(row.paidAmount) }))}
          categoryKey="month"
          series={[{ key: 'invoiced', label: t('invoiced'), color: '#2563eb' }, { key: 'paid', label: t('paid'), color: '#16a34a' }]}
          format={f.compact}
        />
      </div>

      <h2 className="text-lg font-semibold">{t('byManager')}</h2>
      <ReportTable
        testId="receivables-managers"
        minWidth={1040}
        head={
          <tr>
            <th scope="col" className="px-3 py-2 text-left">{t('manager')}</th>
            <th scope="col" className={numberCell}>{t('invoicedCount')}</th>
            <th scope="col" className={numberCell}>{t('invoiced')}</th>
            <th scope="col" className={numberCell}>{t('paid')}</th>
            {debtHead.map((label) => <th key={label} scope="col" className={numberCell}>{label}</th>)}
          </tr>
        }
        foot={
          <tr>
            <th scope="row" className="px-3 py-2 text-left">{t('total')}</th>
            <td className={numberCell}>{f.count(totals.invoiced)}</td>
            <td className={numberCell}>{f.money(totals.invoicedAmount)}</td>
            <td className={numberCell}>{f.money(totals.paidAmount)}</td>
            {debtCells(totals).map((value, index) => <td key={index} className={numberCell}>{value}</td>)}
          </tr>
        }
      >
        {data.byManager.map((row) => (
          <tr key={row.ownerId}>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              <DrillLink href={filters.ownerId === row.ownerId ? null : managerHref(row.ownerId)}>{row.name}</DrillLink>
            </th>
            <td className={numberCell}>{f.count(row.invoiced)}</td>
            <td className={numberCell}>{f.money(row.invoicedAmount)}</td>
            <td className={numberCell}>{f.money(row.paidAmount)}</td>
            {debtCells(row).map((value, index) => <td key={index} className={numberCell}>{value}</td>)}
          </tr>
        ))}
      </ReportTable>

      <h2 className="text-lg font-semibold">{t('byClient')}</h2>
      {data.debtors === 0 ? (
        <p className="text-sm text-slate-500">{t('noDebts')}</p>
      ) : (
        <>
          <ReportTable
            testId="receivables-clients"
            minWidth={980}
            head={
              <tr>
                <th scope="col" className="px-3 py-2 text-left">{t('client')}</th>
                <th scope="col" className={numberCell}>{t('invoices')}</th>
                {debtHead.map((label) => <th key={label} scope="col" className={numberCell}>{label}</th>)}
                <th scope="col" className={numberCell}>{t('oldest')}</th>
              </tr>
            }
            foot={
              <tr>
                <th scope="row" className="px-3 py-2 text-left">{t('allDebtors', { count: f.count(data.debtors) })}</th>
                <td className={numberCell}>{f.count(totals.invoices)}</td>
                {debtCells(totals).map((value, index) => <td key={index} className={numberCell}>{value}</td>)}
                <td className={numberCell} />
              </tr>
            }
          >
            {data.byClient.map((row) => (
              <tr key={`${row.kind}:${row.clientId}`} data-testid="receivables-client">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <DrillLink href={clientHref(row)}>{row.name ?? t('noClient')}</DrillLink>
                  {row.kind === 'contact' && <span className="ml-1 text-xs font-normal text-slate-500">({t('contact')})</span>}
                </th>
                <td className={numberCell}>{f.count(row.invoices)}</td>
                {debtCells(row).map((value, index) => <td key={index} className={numberCell}>{value}</td>)}
                <td className={numberCell}>{row.maxDaysOverdue > 0 ? f.count(row.maxDaysOverdue) : '—'}</td>
              </tr>
            ))}
          </ReportTable>
          {data.byClient.length < data.debtors && (
            <p className="text-xs text-slate-500">{t('shown', { shown: f.count(data.byClient.length), count: f.count(data.debtors) })}</p>
          )}
        </>
      )}
    </section>
  );
}

/** Overdue debt by age as one stacked bar and a legend: readable on a phone without a chart library. */
function AgingBars({ totals, label, bucketLabel, money }: { totals: Debt; label: string; bucketLabel: (bucket: (typeof BUCKETS)[number]) => string; money: (value: string) => string }) {
  const overdue = Number(totals.overdue);
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-3" data-testid="receivables-aging">
      <h2 className="mb-2 text-sm font-semibold text-slate-700">{label}</h2>
      <div className="flex h-3 overflow-hidden rounded-full bg-slate-100" aria-hidden>
        {overdue > 0 &&
          BUCKETS.map((bucket, index) => (
            <div key={bucket} className={BUCKET_COLOURS[index]} style={{ width: `${(Number(totals.aging[bucket]) / overdue) * 100}%` }} />
          ))}
      </div>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {BUCKETS.map((bucket, index) => (
          <div key={bucket} className="flex items-center justify-between gap-2">
            <dt className="flex items-center gap-1.5 text-slate-600">
              <span className={`inline-block size-2.5 rounded-full ${BUCKET_COLOURS[index]}`} aria-hidden />
              {bucketLabel(bucket)}
            </dt>
            <dd className="tabular-nums">{money(totals.aging[bucket])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
