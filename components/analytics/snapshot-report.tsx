'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { useTRPC } from '@/lib/trpc/client';
import { dealsHref, scopeOf } from '@/lib/drill-down';
import { DrillLink } from './drill-link';
import { ReportChart } from './report-chart';
import { numberCell, ReportTable, useReportFormats } from './report-kit';

/** Pipeline snapshot: open deals per stage now — count, amount, weighted amount, average age. */
export function SnapshotReport({ filters, currency }: { filters: ReportFilterValues; currency: string }) {
  const t = useTranslations('analytics.snapshot');
  const trpc = useTRPC();
  const f = useReportFormats(currency);
  const { data } = useQuery(trpc.analytics.snapshot.queryOptions(filters));
  if (!data) return null;
  // Open deals now: the period does not apply to a snapshot.
  const open = (stageId?: number) => dealsHref({ ...scopeOf(filters), pipelineId: data.pipeline.id, status: 'open', stageId });
  return (
    <section className="space-y-4">
      <p className="text-sm text-slate-600">{t('asOf', { pipeline: data.pipeline.name })}</p>
      <div className="rounded-xl border border-slate-200 bg-white p-3">
        <ReportChart
          rows={data.stages.map((stage) => ({ name: stage.name, amount: Number(stage.amount), weighted: Number(stage.weightedAmount) }))}
          categoryKey="name"
          series={[{ key: 'amount', label: t('amount'), color: '#2563eb' }, { key: 'weighted', label: t('weighted'), color: '#16a34a' }]}
          format={f.compact}
        />
      </div>
      <ReportTable
        head={
          <tr>
            <th scope="col" className="px-3 py-2 text-left">{t('stage')}</th>
            <th scope="col" className={numberCell}>{t('deals')}</th>
            <th scope="col" className={numberCell}>{t('amount')}</th>
            <th scope="col" className={numberCell}>{t('probability')}</th>
            <th scope="col" className={numberCell}>{t('weighted')}</th>
            <th scope="col" className={numberCell}>{t('age')}</th>
          </tr>
        }
        foot={
          <tr>
            <th scope="row" className="px-3 py-2 text-left">{t('total')}</th>
            <td className={numberCell}><DrillLink href={open()} testId="drill-total">{f.count(data.total.deals)}</DrillLink></td>
            <td className={numberCell}><DrillLink href={open()}>{f.money(data.total.amount)}</DrillLink></td>
            <td className={numberCell} />
            <td className={numberCell}>{f.money(data.total.weightedAmount)}</td>
            <td className={numberCell} />
          </tr>
        }
      >
        {data.stages.map((stage) => (
          <tr key={stage.stageId}>
            <th scope="row" className="px-3 py-2 text-left font-medium">{stage.name}</th>
            <td className={numberCell}><DrillLink href={open(stage.stageId)} testId="drill-stage-deals">{f.count(stage.deals)}</DrillLink></td>
            <td className={numberCell}><DrillLink href={open(stage.stageId)}>{f.money(stage.amount)}</DrillLink></td>
            <td className={numberCell}>{stage.probability}%</td>
            <td className={numberCell}>{f.money(stage.weightedAmount)}</td>
            <td className={numberCell}>{f.days(stage.avgAgeDays)}</td>
          </tr>
        ))}
      </ReportTable>
    </section>
  );
}
