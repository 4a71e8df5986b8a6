'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { useTRPC } from '@/lib/trpc/client';
import { dealsHref, scopeOf } from '@/lib/drill-down';
import { Compare } from './compare';
import { DrillLink } from './drill-link';
import { ReportChart } from './report-chart';
import { Figure, numberCell, ReportTable, useReportFormats } from './report-kit';

/** Loss reasons: lost deals and their amount per reason, and per stage where they were lost. */
export function LossesReport({ filters, currency }: { filters: ReportFilterValues; currency: string }) {
  const t = useTranslations('analytics.losses');
  const trpc = useTRPC();
  const f = useReportFormats(currency);
  const { data } = useQuery(trpc.analytics.lossReasons.queryOptions(filters));
  if (!data) return null;
  // Deals lost (closed) in the period; per reason, or per stage they were lost from.
  const lost = (lossReasonId?: number, lostFromStageId?: number) =>
    dealsHref({ ...scopeOf(filters), status: 'lost', lossReasonId, lostFromStageId, closedFrom: data.period.from, closedTo: data.period.to });
  return (
    <section className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <Figure label={t('lost')} value={f.count(data.totals.count)} href={lost()}>
          <Compare current={data.totals.count} previous={data.previous.count} format={f.count} better="lower" />
        </Figure>
        <Figure label={t('amount')} value={f.money(data.totals.amount)} href={lost()}>
          <Compare current={Number(data.totals.amount)} previous={Number(data.previous.amount)} format={(v) => f.money(v)} better="lower" />
        </Figure>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-3">
        <ReportChart
          rows={data.byReason.map((row) => ({ name: f.name(row.nameRu, row.nameEn) ?? row.code, deals: row.count }))}
          categoryKey="name"
          series={[{ key: 'deals', label: t('lost'), color: '#e11d48' }]}
          format={f.count}
        />
      </div>
      <ReportTable
        head={<tr><th scope="col" className="px-3 py-2 text-left">{t('reason')}</th><th scope="col" className={numberCell}>{t('lost')}</th><th scope="col" className={numberCell}>{t('share')}</th><th scope="col" className={numberCell}>{t('amount')}</th></tr>}
        foot={<tr><th scope="row" className="px-3 py-2 text-left">{t('total')}</th><td className={numberCell}><DrillLink href={lost()}>{f.count(data.totals.count)}</DrillLink></td><td className={numberCell} /><td className={numberCell}><DrillLink href={lost()}>{f.money(data.totals.amount)}</DrillLink></td></tr>}
      >
        {data.byReason.map((row) => (
          <tr key={row.reasonId}>
            <th scope="row" className="px-3 py-2 text-left font-medium">{f.name(row.nameRu, row.nameEn)}</th>
            <td className={numberCell}><DrillLink href={lost(row.reasonId)}>{f.count(row.count)}</DrillLink></td>
            <td className={numberCell}>{f.percent(row.share)}</td>
            <td className={numberCell}><DrillLink href={lost(row.reasonId)}>{f.money(row.amount)}</DrillLink></td>
          </tr>
        ))}
      </ReportTable>
      <h2 className="text-lg font-semibold">{t('byStage')}</h2>
      <ReportTable
        testId="losses-by-stage"
        head={<tr><th scope="col" className="px-3 py-2 text-left">{t('stage')}</th><th scope="col" className={numberCell}>{t('lost')}</th><th scope="col" className={numberCell}>{t('share')}</th><th scope="col" className={numberCell}>{t('amount')}</th></tr>}
      >
        {data.byStage.map((row) => (
          <tr key={row.stageId ?? 'unknown'}>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              {row.name ?? t('unknownStage')}
              {row.pipelineName && <span className="ml-1 text-xs font-normal text-slate-500">· {row.pipelineName}</span>}
            </th>
            <td className={numberCell}>{row.stageId === null ? f.count(row.count) : <DrillLink href={lost(undefined, row.stageId)} testId="drill-lost-from-stage">{f.count(row.count)}</DrillLink>}</td>
            <td className={numberCell}>{f.percent(row.share)}</td>
            <td className={numberCell}>{row.stageId === null ? f.money(row.amount) : <DrillLink href={lost(undefined, row.stageId)}>{f.money(row.amount)}</DrillLink>}</td>
          </tr>
        ))}
      </ReportTable>
    </section>
  );
}
