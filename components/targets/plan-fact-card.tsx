'use client';

import { useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/lib/trpc/types';
import { ProgressBar } from './progress-bar';
import { METRICS, useTargetFormats, type Metric } from './target-formats';

type PlanFact = RouterOutputs['targets']['planFact']['managers'][number]['metrics'];

/** One person's (or the team's) month: revenue with its bar and forecast, the counts beneath. */
export function PlanFactCard({ title, metrics, currency, testId }: { title: string; metrics: PlanFact; currency: string; testId?: string }) {
  const t = useTranslations('targets');
  const f = useTargetFormats(currency);
  const value = (metric: Metric, x: number) => (metric === 'revenue' ? f.money(x) : f.count(x));
  const revenue = metrics.revenue;
  const expectedShare = revenue.target ? (revenue.expectedByNow ?? 0) / revenue.target : null;
  return (
    <article className="space-y-2 rounded-xl border border-slate-200 bg-white p-3" data-testid={testId}>
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="truncate font-semibold">{title}</h3>
        <span className="shrink-0 text-sm tabular-nums text-slate-600">{f.percent(revenue.progress)}</span>
      </div>
      <ProgressBar progress={revenue.progress} expected={expectedShare} label={t('metric.revenue')} />
      <p className="text-sm tabular-nums">
        <span className="font-semibold" data-testid="revenue-fact">{f.money(revenue.fact)}</span>
        <span className="text-slate-500"> / {revenue.target === null ? t('noTarget') : f.money(revenue.target)}</span>
      </p>
      <p className="text-xs text-slate-600">{t('forecast', { value: f.money(revenue.forecast) })}</p>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-xs sm:grid-cols-4">
        {METRICS.filter((m) => m !== 'revenue').map((metric) => {
          const m = metrics[metric];
          return (
            <div key={metric} className="flex justify-between gap-1" data-testid={`fact-${metric}`}>
              <dt className="text-slate-500">{t(`metric.${metric}`)}</dt>
              <dd className="tabular-nums">
                {value(metric, m.fact)}
                {m.target !== null && <span className="text-slate-500">/{value(metric, m.target)}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
    </article>
  );
}

/** Working days of the month: total, left (today included). */
export function WorkingDaysNote({ clock }: { clock: RouterOutputs['targets']['planFact']['clock'] }) {
  const t = useTranslations('targets');
  return (
    <p className="text-sm text-slate-600" data-testid="working-days">
      {clock.over ? t('monthOver', { total: clock.workingDays.total }) : t('workingDaysLeft', { left: clock.workingDays.left, total: clock.workingDays.total })}
    </p>
  );
}
