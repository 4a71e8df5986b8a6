'use client';

import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import type { ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { useTRPC } from '@/lib/trpc/client';
import { durationBandLabel } from '@/lib/analytics/activity-format';
import { stayBandBounds } from '@/lib/analytics/stay-bands';
import { dealsHref, scopeOf } from '@/lib/drill-down';
import { Compare } from './compare';
import { DrillLink } from './drill-link';
import { ReportChart } from './report-chart';
import { Figure, numberCell as cell, ReportTable, useReportFormats } from './report-kit';


/**
 * The deal funnel (cohort): how far the deals created in the period got, stage by stage, with
 * step conversion and time in stage; below, the same funnel per manager side by side, so a head
 * sees at which step each one loses deals.
 */
export function FunnelReport({ filters, currency }: { filters: ReportFilterValues; currency: string }) {
  const t = useTranslations('analytics.funnel');
  const trpc = useTRPC();
  const locale = useLocale();
  const f = useReportFormats(currency);
  const { data } = useQuery(trpc.analytics.funnel.queryOptions(filters));
  if (!data) return null;
  const { money, percent, days, count } = f;
  const band = (value: number | null) => (value === null ? '—' : durationBandLabel(stayBandBounds(value), locale, (key, values) => t(key, values)));
  const stageName = new Map(data.stages.map((stage) => [stage.id, stage.name]));
  const won = data.total.steps.at(-1);
  // The cohort: deals of the pipeline created in the period (and the filters' team / manager / source).
  const cohort = { ...scopeOf(filters), pipelineId: data.pipeline.id, createdFrom: data.period.from, createdTo: data.period.to };
  const reached = (stageId: number, ownerId?: number) => dealsHref({ ...cohort, reachedStageId: stageId, ...(ownerId ? { ownerId } : {}) });
  const lost = (ownerId?: number) => dealsHref({ ...cohort, status: 'lost', ...(ownerId ? { ownerId } : {}) });
  const lostHere = (stageId: number) => dealsHref({ ...cohort, status: 'lost', lostFromStageId: stageId });
  return (
    <section className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-3">
        <Figure label={t('created')} value={String(data.total.created)} href={dealsHref(cohort)} testId="drill-created">
          <Compare current={data.total.created} previous={data.previous.created} format={String} />
        </Figure>
        <Figure label={t('won')} value={String(won?.deals ?? 0)} href={dealsHref({ ...cohort, status: 'won' })}>
          <Compare current={won?.deals ?? 0} previous={data.previous.steps.at(-1)?.deals ?? 0} format={String} />
        </Figure>
        <Figure label={t('lost')} value={String(data.total.lost.deals)} href={lost()}>
          <Compare current={data.total.lost.deals} previous={data.previous.lost.deals} format={String} better="lower" />
        </Figure>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-3">
        <ReportChart
          rows={data.total.steps.map((step) => ({ name: stageName.get(step.stageId) ?? '', deals: step.deals, lost: step.lostHere }))}
          categoryKey="name"
          series={[{ key: 'deals', label: t('reached'), color: '#2563eb' }, { key: 'lost', label: t('lostHere'), color: '#e11d48' }]}
          format={count}
        />
      </div>
      <ReportTable
        minWidth={760}
        head={
          <tr>
            <th scope="col" className="px-3 py-2 text-left">{t('stage')}</th>
            <th scope="col" className={cell}>{t('reached')}</th>
            <th scope="col" className={cell}>{t('amount')}</th>
            <th scope="col" className={cell}>{t('stepConversion')}</th>
            <th scope="col" className={cell}>{t('fromFirst')}</th>
            <th scope="col" className={cell}>{t('lostHere')}</th>
            <th scope="col" className={cell}>{t('avgDays')}</th>
            <th scope="col" className={cell}>{t('medianBand')}</th>
          </tr>
        }
      >
        {data.total.steps.map((step) => (
          <tr key={step.stageId}>
            <th scope="row" className="px-3 py-2 text-left font-medium">{stageName.get(step.stageId)}</th>
            <td className={cell}><DrillLink href={reached(step.stageId)} testId="drill-reached">{step.deals}</DrillLink></td>
            <td className={cell}><DrillLink href={reached(step.stageId)}>{money(step.amount)}</DrillLink></td>
            <td className={cell}>{percent(step.stepConversion)}</td>
            <td className={cell}>{percent(step.fromFirst)}</td>
            <td className={cell}>{step.lostHere > 0 ? <DrillLink href={lostHere(step.stageId)} testId="drill-lost-here">{step.lostHere}</DrillLink> : 0}</td>
            <td className={cell}>{days(step.avgDays)}</td>
            <td className={cell}>{band(step.medianBand)}</td>
          </tr>
        ))}
      </ReportTable>
      {data.managers.length > 0 && (
        <>
          <h2 className="text-lg font-semibold">{t('byManager')}</h2>
          <p className="text-sm text-slate-500">{t('byManagerHint')}</p>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-sm" data-testid="funnel-by-manager">
              <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 text-left">{t('manager')}</th>
                  {data.stages.map((stage) => <th key={stage.id} scope="col" className={cell}>{stage.name}</th>)}
                  <th scope="col" className={cell}>{t('lost')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.managers.map((manager) => (
                  <tr key={manager.ownerId}>
                    <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-medium">{manager.name}</th>
                    {manager.steps.map((step) => (
                      <td key={step.stageId} className={cell}>
                        <div><DrillLink href={reached(step.stageId, manager.ownerId)}>{step.deals}</DrillLink></div>
                        <div className="text-xs text-slate-500">{percent(step.fromFirst)}</div>
                      </td>
                    ))}
                    <td className={cell}><DrillLink href={lost(manager.ownerId)}>{manager.lost.deals}</DrillLink></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
