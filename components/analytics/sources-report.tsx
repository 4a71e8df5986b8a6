'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { useTRPC } from '@/lib/trpc/client';
import { dealsHref, leadsHref, scopeOf } from '@/lib/drill-down';
import { Compare } from './compare';
import { DrillLink } from './drill-link';
import { ReportChart } from './report-chart';
import { Figure, numberCell, ReportTable, useReportFormats } from './report-kit';

/** Sources: leads, conversion, won revenue and, where a monthly cost is set, cost per lead and per sale. */
export function SourcesReport({ filters, currency }: { filters: ReportFilterValues; currency: string }) {
  const t = useTranslations('analytics.sources');
  const trpc = useTRPC();
  const f = useReportFormats(currency);
  const { data } = useQuery(trpc.analytics.sources.queryOptions(filters));
  if (!data) return null;
  const columns = ['leads', 'conversion', 'won', 'winRate', 'wonAmount', 'cost', 'costPerLead', 'costPerSale'] as const;
  const { from, to } = data.period;
  /** Leads created / deals won in the period from the source (the totals: the filter's source). */
  const leadsFrom = (sourceId: number | undefined) => leadsHref({ ...scopeOf(filters), sourceId, createdFrom: from, createdTo: to });
  const wonFrom = (sourceId: number | undefined) => dealsHref({ ...scopeOf(filters), sourceId, status: 'won', closedFrom: from, closedTo: to });
  // A row of leads without a source cannot be listed (no filter for "none"): its figures stay plain.
  const figures = (row: typeof data.totals, sourceId: number | null | undefined) => {
    const source = sourceId === undefined ? filters.sourceId : sourceId;
    const link = (href: string, text: string) => (sourceId === null ? text : <DrillLink href={href}>{text}</DrillLink>);
    return [
      link(leadsFrom(source ?? undefined), f.count(row.leads)), f.percent(row.conversion), link(wonFrom(source ?? undefined), f.count(row.won)), f.percent(row.winRate),
      link(wonFrom(source ?? undefined), f.money(row.wonAmount)), f.money(row.cost), f.money(row.costPerLead), f.money(row.costPerSale),
    ];
  };
  return (
    <section className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-3">
        <Figure label={t('leads')} value={f.count(data.totals.leads)} href={leadsFrom(filters.sourceId)}>
          <Compare current={data.totals.leads} previous={data.previous.leads} format={f.count} />
        </Figure>
        <Figure label={t('conversion')} value={f.percent(data.totals.conversion)} />
        <Figure label={t('wonAmount')} value={f.money(data.totals.wonAmount)} href={wonFrom(filters.sourceId)}>
          <Compare current={Number(data.totals.wonAmount)} previous={Number(data.previous.wonAmount)} format={(v) => f.money(v)} />
        </Figure>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-3">
        <ReportChart
          rows={data.rows.map((row) => ({ name: f.name(row.nameRu, row.nameEn) ?? t('noSource'), leads: row.leads, won: row.won }))}
          categoryKey="name"
          series={[{ key: 'leads', label: t('leads'), color: '#2563eb' }, { key: 'won', label: t('won'), color: '#16a34a' }]}
          format={f.count}
        />
      </div>
      <ReportTable
        minWidth={880}
        head={<tr><th scope="col" className="px-3 py-2 text-left">{t('source')}</th>{columns.map((column) => <th key={column} scope="col" className={numberCell}>{t(column)}</th>)}</tr>}
        foot={<tr><th scope="row" className="px-3 py-2 text-left">{t('total')}</th>{figures(data.totals, undefined).map((value, index) => <td key={columns[index]} className={numberCell}>{value}</td>)}</tr>}
      >
        {data.rows.map((row) => (
          <tr key={row.sourceId ?? 'none'}>
            <th scope="row" className="px-3 py-2 text-left font-medium">{f.name(row.nameRu, row.nameEn) ?? t('noSource')}</th>
            {figures(row, row.sourceId).map((value, index) => <td key={columns[index]} className={numberCell}>{value}</td>)}
          </tr>
        ))}
      </ReportTable>
    </section>
  );
}
