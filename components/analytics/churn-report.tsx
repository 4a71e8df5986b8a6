'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { dealsHref, scopeOf } from '@/lib/drill-down';
import { useTRPC } from '@/lib/trpc/client';
import type { RouterOutputs } from '@/lib/trpc/types';
import { ChurnAtRisk } from './churn-at-risk';
import { ChurnCohorts } from './churn-cohorts';
import { Compare } from './compare';
import { DrillLink } from './drill-link';
import { useMonthLabel } from './month-label';
import { ReportChart } from './report-chart';
import { Figure, numberCell, ReportTable, useReportFormats } from './report-kit';

type Report = RouterOutputs['analytics']['churn'];
type Figures = Report['totals'];

/**
 * Churn: active clients at the start, who churned and who became active, per month and for the
 * period against the previous one; new vs returning revenue; cohorts; the clients at risk.
 */
export function ChurnReport({ filters, currency, canChangeWindow }: { filters: ReportFilterValues; currency: string; canChangeWindow: boolean }) {
  const t = useTranslations('analytics.churn');
  const trpc = useTRPC();
  const f = useReportFormats(currency);
  const monthLabel = useMonthLabel();
  const { data, error } = useQuery(trpc.analytics.churn.queryOptions(filters));
  if (error) return <p role="alert" className="text-sm text-rose-700">{t('failed')}</p>;
  if (!data) return null;
  const days = data.windowDays;
  /** Won deals closed in a range, within the report's scope (the list has no "with a client" filter: deals without one are listed too). */
  const wonIn = (from: string, to: string) => dealsHref({ ...scopeOf(filters), status: 'won', closedFrom: from, closedTo: to });
  const cells = (row: Figures, range: { from: string; to: string }) => [
    f.count(row.activeAtStart), f.count(row.churned), f.percent(row.churnRate), f.count(row.activated), f.count(row.activeAtEnd),
    <DrillLink key="won" href={wonIn(range.from, range.to)}>{f.money(row.wonAmount)}</DrillLink>, f.money(row.newAmount), f.money(row.returningAmount),
  ];
  const columns = ['activeAtStart', 'churned', 'churnRate', 'activated', 'activeAtEnd', 'wonAmount', 'newAmount', 'returningAmount'] as const;
  const compareCount = (key: 'activeAtStart' | 'churned' | 'activated', better: 'higher' | 'lower' = 'higher') => (
    <Compare current={data.totals[key]} previous={data.previous[key]} format={f.count} better={better} />
  );
  return (
    <section className="space-y-4">
      <p className="text-sm text-slate-600" data-testid="churn-window">
        {t('window', { days })}
        {canChangeWindow && <> <Link href="/admin/organisation" className="text-brand-700 hover:underline">{t('windowAdmin')}</Link></>}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Figure label={t('activeAtStart')} value={f.count(data.totals.activeAtStart)}>{compareCount('activeAtStart')}</Figure>
        <Figure label={t('churned')} value={f.count(data.totals.churned)}>{compareCount('churned', 'lower')}</Figure>
        <Figure label={t('churnRate')} value={f.percent(data.totals.churnRate)}>
          <Compare current={data.totals.churnRate ?? 0} previous={data.previous.churnRate ?? 0} format={(v) => f.percent(v)} better="lower" />
        </Figure>
        <Figure label={t('activated')} value={f.count(data.totals.activated)}>{compareCount('activated')}</Figure>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Figure label={t('wonAmount')} value={f.money(data.totals.wonAmount)} href={wonIn(data.period.from, data.period.to)}>
          <Compare current={Number(data.totals.wonAmount)} previous={Number(data.previous.wonAmount)} format={(v) => f.money(v)} />
        </Figure>
        <Figure label={t('newAmount')} value={f.money(data.totals.newAmount)}>
          <Compare current={Number(data.totals.newAmount)} previous={Number(data.previous.newAmount)} format={(v) => f.money(v)} />
        </Figure>
        <Figure label={t('returningAmount')} value={f.money(data.totals.returningAmount)}>
          <Compare current={Number(data.totals.returningAmount)} previous={Number(data.previous.returningAmount)} format={(v) => f.money(v)} />
        </Figure>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-3">
        <ReportChart
          rows={data.byMonth.map((m) => ({ month: m.month, churned: m.churned, activated: m.activated }))}
          categoryKey="month"
          series={[{ key: 'activated', label: t('chart.activated'), color: '#16a34a' }, { key: 'churned', label: t('chart.churned'), color: '#dc2626' }]}
          format={f.count}
        />
      </div>
      <h2 className="text-base font-semibold">{t('byMonth')}</h2>
      <ReportTable
        minWidth={900}
        testId="churn-months"
        head={<tr><th scope="col" className="px-3 py-2 text-left">{t('month')}</th>{columns.map((c) => <th key={c} scope="col" className={numberCell}>{t(c)}</th>)}</tr>}
        foot={
          <>
            <tr><th scope="row" className="px-3 py-2 text-left">{t('total')}</th>{cells(data.totals, data.period).map((v, i) => <td key={columns[i]} className={numberCell}>{v}</td>)}</tr>
            <tr className="font-normal text-slate-600"><th scope="row" className="px-3 py-2 text-left">{t('previous')}</th>{cells(data.previous, data.period.previous).map((v, i) => <td key={columns[i]} className={numberCell}>{v}</td>)}</tr>
          </>
        }
      >
        {data.byMonth.map((m) => (
          <tr key={m.month}>
            <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">{monthLabel(m.month)}</th>
            {cells(m, m).map((v, i) => <td key={columns[i]} className={numberCell}>{v}</td>)}
          </tr>
        ))}
      </ReportTable>
      <ChurnCohorts cohorts={data.cohorts} />
      <ChurnAtRisk atRisk={data.atRisk} currency={currency} />
      <details className="rounded-xl border border-slate-200 bg-white p-3 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium">{t('help')}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {(['client', 'flows', 'future', 'scope', 'revenue', 'cohorts', 'atRisk'] as const).map((key) => <li key={key}>{t(`helpItems.${key}`, { days })}</li>)}
        </ul>
      </details>
    </section>
  );
}
