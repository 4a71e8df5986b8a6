'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { useTRPC } from '@/lib/trpc/client';
import type { RouterOutputs } from '@/lib/trpc/types';
import { dealsHref, leadsHref, scopeOf } from '@/lib/drill-down';
import { Compare } from './compare';
import { DrillLink } from './drill-link';
import { ReportChart } from './report-chart';
import { Figure, numberCell, ReportTable, useReportFormats } from './report-kit';

type Report = RouterOutputs['analytics']['conversion'];
type Breakdown = 'byManager' | 'bySource' | 'byPipeline' | 'byMonth';
const BREAKDOWNS: Breakdown[] = ['byManager', 'bySource', 'byPipeline', 'byMonth'];

/** Conversion: lead → deal and win rate, average deal size and sales cycle, by manager, source, pipeline and month. */
export function ConversionReport({ filters, currency }: { filters: ReportFilterValues; currency: string }) {
  const t = useTranslations('analytics.conversion');
  const trpc = useTRPC();
  const f = useReportFormats(currency);
  const [breakdown, setBreakdown] = useState<Breakdown>('byManager');
  const { data } = useQuery(trpc.analytics.conversion.queryOptions(filters));
  if (!data) return null;
  const label = (row: Report[Breakdown][number]): string => {
    if ('month' in row) return row.month;
    if ('ownerId' in row) return row.name ?? t('noOwner');
    if ('sourceId' in row) return f.name(row.nameRu, row.nameEn) ?? t('noSource');
    return row.name;
  };
  const rows: Report[Breakdown][number][] = data[breakdown];
  const period = data.period;
  /** The row's own dimension as list filters, and the dates it covers; null: no list can show it (no owner / no source). */
  const dimension = (row: Report[Breakdown][number]): { filters: { ownerId?: number; sourceId?: number; pipelineId?: number }; range: { from: string; to: string } } | null => {
    if ('month' in row) return { filters: {}, range: { from: row.from, to: row.to } };
    if ('ownerId' in row) return row.ownerId === null ? null : { filters: { ownerId: row.ownerId }, range: period };
    if ('sourceId' in row) return row.sourceId === null ? null : { filters: { sourceId: row.sourceId }, range: period };
    return { filters: { pipelineId: row.pipelineId }, range: period };
  };
  const leadsOf = (row: Report[Breakdown][number]) => {
    const d = dimension(row);
    return d && leadsHref({ ...scopeOf(filters), ...d.filters, createdFrom: d.range.from, createdTo: d.range.to });
  };
  const dealsOf = (row: Report[Breakdown][number], status: 'won' | 'lost') => {
    const d = dimension(row);
    return d && dealsHref({ ...scopeOf(filters), ...d.filters, status, closedFrom: d.range.from, closedTo: d.range.to });
  };
  return (
    <section className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-4">
        <Figure label={t('leadConversion')} value={f.percent(data.totals.leads?.conversion ?? null)} />
        <Figure label={t('winRate')} value={f.percent(data.totals.deals.winRate)} />
        <Figure label={t('averageDealSize')} value={f.money(data.totals.deals.averageDealSize)}>
          <Compare current={Number(data.totals.deals.averageDealSize ?? 0)} previous={Number(data.previous.deals.averageDealSize ?? 0)} format={(v) => f.money(v)} />
        </Figure>
        <Figure label={t('averageCycleDays')} value={f.days(data.totals.deals.averageCycleDays)}>
          <Compare current={data.totals.deals.averageCycleDays ?? 0} previous={data.previous.deals.averageCycleDays ?? 0} format={f.days} better="lower" />
        </Figure>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-3">
        <ReportChart
          rows={data.byMonth.map((row) => ({ month: row.month, winRate: Math.round((row.deals.winRate ?? 0) * 1000) / 10, conversion: Math.round((row.leads?.conversion ?? 0) * 1000) / 10 }))}
          categoryKey="month"
          series={[{ key: 'winRate', label: `${t('winRate')}, %`, color: '#16a34a' }, { key: 'conversion', label: `${t('leadConversion')}, %`, color: '#2563eb' }]}
          format={(value) => `${value}`}
        />
      </div>
      <div role="tablist" aria-label={t('breakdown')} className="flex flex-wrap gap-1">
        {BREAKDOWNS.map((key) => (
          <button key={key} type="button" role="tab" aria-selected={breakdown === key} onClick={() => setBreakdown(key)} className={`rounded-md px-3 py-1.5 text-sm ${breakdown === key ? 'bg-slate-800 text-white' : 'border border-slate-300 bg-white'}`}>
            {t(key)}
          </button>
        ))}
      </div>
      <ReportTable
        minWidth={820}
        head={
          <tr>
            <th scope="col" className="px-3 py-2 text-left">{t(breakdown)}</th>
            <th scope="col" className={numberCell}>{t('leads')}</th>
            <th scope="col" className={numberCell}>{t('leadConversion')}</th>
            <th scope="col" className={numberCell}>{t('won')}</th>
            <th scope="col" className={numberCell}>{t('lost')}</th>
            <th scope="col" className={numberCell}>{t('winRate')}</th>
            <th scope="col" className={numberCell}>{t('wonAmount')}</th>
            <th scope="col" className={numberCell}>{t('averageDealSize')}</th>
            <th scope="col" className={numberCell}>{t('averageCycleDays')}</th>
          </tr>
        }
      >
        {rows.map((row) => (
          <tr key={label(row)}>
            <th scope="row" className="px-3 py-2 text-left font-medium">{label(row)}</th>
            <td className={numberCell}>{row.leads ? <DrillLink href={leadsOf(row)}>{f.count(row.leads.created)}</DrillLink> : '—'}</td>
            <td className={numberCell}>{f.percent(row.leads?.conversion ?? null)}</td>
            <td className={numberCell}><DrillLink href={dealsOf(row, 'won')}>{f.count(row.deals.won)}</DrillLink></td>
            <td className={numberCell}><DrillLink href={dealsOf(row, 'lost')}>{f.count(row.deals.lost)}</DrillLink></td>
            <td className={numberCell}>{f.percent(row.deals.winRate)}</td>
            <td className={numberCell}><DrillLink href={dealsOf(row, 'won')}>{f.money(row.deals.wonAmount)}</DrillLink></td>
            <td className={numberCell}>{f.money(row.deals.averageDealSize)}</td>
            <td className={numberCell}>{f.days(row.deals.averageCycleDays)}</td>
          </tr>
        ))}
      </ReportTable>
    </section>
  );
}
