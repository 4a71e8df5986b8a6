'use client';

import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import type { ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { formatMoney } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { ReportChart } from './report-chart';

const cell = 'px-3 py-2 text-right tabular-nums';

/** Pipeline snapshot: open deals per stage now — count, amount, weighted amount, average age. */
export function SnapshotReport({ filters, currency }: { filters: ReportFilterValues; currency: string }) {
  const t = useTranslations('analytics.snapshot');
  const locale = useLocale();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.analytics.snapshot.queryOptions(filters));
  if (!data) return null;
  const money = (value: string | number) => formatMoney(value, currency, locale);
  const days = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (
    <section className="space-y-4">
      <p className="text-sm text-slate-600">{t('asOf', { pipeline: data.pipeline.name })}</p>
      <div className="rounded-xl border border-slate-200 bg-white p-3">
        <ReportChart
          rows={data.stages.map((stage) => ({ name: stage.name, amount: Number(stage.amount), weighted: Number(stage.weightedAmount) }))}
          categoryKey="name"
          series={[{ key: 'amount', label: t('amount'), color: '#2563eb' }, { key: 'weighted', label: t('weighted'), color: '#16a34a' }]}
          format={(value) => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value)}
        />
      </div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full min-w-[560px] text-sm" data-testid="report-table">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 text-left">{t('stage')}</th>
              <th scope="col" className={cell}>{t('deals')}</th>
              <th scope="col" className={cell}>{t('amount')}</th>
              <th scope="col" className={cell}>{t('probability')}</th>
              <th scope="col" className={cell}>{t('weighted')}</th>
              <th scope="col" className={cell}>{t('age')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.stages.map((stage) => (
              <tr key={stage.stageId}>
                <th scope="row" className="px-3 py-2 text-left font-medium">{stage.name}</th>
                <td className={cell}>{stage.deals}</td>
                <td className={cell}>{money(stage.amount)}</td>
                <td className={cell}>{stage.probability}%</td>
                <td className={cell}>{money(stage.weightedAmount)}</td>
                <td className={cell}>{stage.avgAgeDays === null ? '—' : days.format(stage.avgAgeDays)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200 font-semibold">
            <tr>
              <th scope="row" className="px-3 py-2 text-left">{t('total')}</th>
              <td className={cell}>{data.total.deals}</td>
              <td className={cell}>{money(data.total.amount)}</td>
              <td className={cell} />
              <td className={cell}>{money(data.total.weightedAmount)}</td>
              <td className={cell} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
