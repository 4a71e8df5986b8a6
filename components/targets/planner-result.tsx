'use client';

import { useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/lib/trpc/types';
import { useTargetFormats } from './target-formats';

type Result = RouterOutputs['targets']['plan'];
type Figures = NonNullable<Result['figures']>;

/** What the target takes, the history it stands on beside the team's, the reach flags, and Apply. */
export function PlannerResult({ result, currency, canApply, applying, onApply }: { result: Result; currency: string; canApply: boolean; applying: boolean; onApply: () => void }) {
  const t = useTranslations('planner');
  const f = useTargetFormats(currency);
  const plan = result.plan;
  const days = (x: number | null) => (x === null ? '—' : t('days', { count: Math.round(x) }));
  const rows: { key: string; pick: (x: Figures) => number | null; format: (x: number | null) => string }[] = [
    { key: 'averageWonSize', pick: (x) => x.averageWonSize, format: (x) => (x === null ? '—' : f.money(x)) },
    { key: 'winRate', pick: (x) => x.winRate, format: f.percent },
    ...(result.pipeline?.stages ?? []).map((stage, k, all) => ({
      key: `step-${k}`,
      label: `${stage} → ${all[k + 1] ?? t('won')}`,
      pick: (x: Figures) => x.stepConversions[k] ?? null,
      format: f.percent,
    })),
    { key: 'callsPerNewDeal', pick: (x) => x.callsPerNewDeal, format: (x) => (x === null ? '—' : f.count(x)) },
    { key: 'meetingsPerNewDeal', pick: (x) => x.meetingsPerNewDeal, format: (x) => (x === null ? '—' : f.count(x)) },
    { key: 'cycleDays', pick: (x) => x.cycleDays, format: days },
  ];
  const labelOf = (row: (typeof rows)[number]) => ('label' in row ? (row as { label: string }).label : t(`figure.${row.key}`));
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-3" data-testid="planner-result">
      <p className="text-sm text-slate-600">{t('window', { from: f.month(result.window.from.slice(0, 7)), to: f.month(shiftBack(result.window.to)) })}</p>
      {result.basis === 'team' && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="planner-team-basis">{t('teamBasis')}</p>}
      {result.basis === 'none' && <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">{t('noHistory')}</p>}
      {result.revenue === null && <p className="text-sm text-slate-600">{t('noRevenue')}</p>}
      {plan && result.revenue !== null && (
        <>
          <h3 className="font-semibold">{t('takes', { revenue: f.money(result.revenue) })}</h3>
          <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3" data-testid="planner-plan">
            <Figure label={t('plan.wonDeals')} value={f.count(plan.wonDeals)} testId="plan-won" />
            <Figure label={t('plan.newDeals')} value={f.count(plan.newDeals)} testId="plan-new" />
            <Figure label={t('plan.calls')} value={f.count(plan.calls)} testId="plan-calls" />
            <Figure label={t('plan.meetings')} value={f.count(plan.meetings)} testId="plan-meetings" />
            <Figure label={t('plan.newPerDay')} value={f.count(plan.perWorkingDay.newDeals)} />
            <Figure label={t('plan.callsPerDay')} value={f.count(plan.perWorkingDay.calls)} />
          </dl>
          <p className="text-xs text-slate-500">{t(result.workingDays.basis === 'left' ? 'perDayLeft' : 'perDayMonth', { count: result.workingDays.count })}</p>
          <div>
            <h4 className="mb-1 text-sm font-semibold">{t('stageDeals')}</h4>
            <ol className="flex flex-wrap gap-2 text-sm">
              {(result.pipeline?.stages ?? []).map((stage, k) => (
                <li key={stage} className="rounded-md bg-slate-100 px-2 py-1">
                  {stage}: <span className="font-semibold tabular-nums">{f.count(plan.stageDeals[k] ?? 0)}</span>
                </li>
              ))}
            </ol>
          </div>
        </>
      )}
      {result.flags.length > 0 && (
        <ul className="space-y-1 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900" data-testid="planner-flags">
          <li className="font-semibold">{t('outOfReach')}</li>
          {result.flags.map((flag, i) => (
            <li key={i}>
              {flag.kind === 'aboveBestMonth' &&
                t('flag.aboveBestMonth', {
                  metric: t(`flagMetric.${flag.metric}`),
                  needed: flag.metric === 'revenue' ? f.money(flag.needed) : f.count(flag.needed),
                  best: flag.metric === 'revenue' ? f.money(flag.best) : f.count(flag.best),
                })}
              {flag.kind === 'conversionNeverReached' && t('flag.conversionNeverReached', { needed: flag.needed === null ? '—' : f.percent(flag.needed), best: f.percent(flag.best) })}
              {flag.kind === 'stageNeverReached' && t('flag.stageNeverReached', { stage: flag.stage ?? t('won') })}
            </li>
          ))}
        </ul>
      )}
      {result.figures && (
        <div className="overflow-x-auto">
          <table className="w-full text-xs sm:text-sm" data-testid="planner-figures">
            {result.team && <caption className="pb-1 text-left text-xs text-slate-500">{t('teamCaption', { count: result.team.managers })}</caption>}
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-2">{t('figure.title')}</th>
                <th scope="col" className="py-1 pr-2 text-right">{result.basis === 'team' ? t('column.team') : t('column.manager')}</th>
                <th scope="col" className="py-1 pr-2 text-right">{t('column.median')}</th>
                <th scope="col" className="py-1 text-right">{t('column.best')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" className="py-1 pr-2 text-left font-normal break-words text-slate-600">{labelOf(row)}</th>
                  <td className="py-1 pr-2 text-right tabular-nums">{row.format(row.pick(result.figures!))}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{result.team ? row.format(row.pick(result.team.median)) : '—'}</td>
                  <td className="py-1 text-right tabular-nums">{result.team ? row.format(row.pick(result.team.best)) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canApply && plan && result.revenue !== null && (
        <button type="button" onClick={onApply} disabled={applying} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50" data-testid="planner-apply">
          {t('apply')}
        </button>
      )}
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-2 py-1.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}

/** The last month of a window that ends (exclusive) on `to` (YYYY-MM-01). */
function shiftBack(to: string): string {
  const [y, m] = to.slice(0, 7).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
