'use client';

import { useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/lib/trpc/types';
import { useMonthLabel } from './month-label';
import { numberCell, ReportTable, useReportFormats } from './report-kit';

type Cohort = RouterOutputs['analytics']['churn']['cohorts'][number];

/**
 * Cohort retention: a row per first-purchase month, a column per month since; each cell the
 * share of the cohort that won a deal in that month, shaded by the share. A triangle: later
 * cohorts have fewer months behind them. Scrolls sideways inside its frame on a phone.
 */
export function ChurnCohorts({ cohorts }: { cohorts: Cohort[] }) {
  const t = useTranslations('analytics.churn');
  const f = useReportFormats('RUB');
  const monthLabel = useMonthLabel();
  const months = cohorts.length;
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold">{t('cohorts')}</h2>
      <p className="text-sm text-slate-600">{t('cohortsText')}</p>
      <ReportTable
        minWidth={180 + months * 64}
        testId="churn-cohorts"
        head={
          <tr>
            <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 text-left">{t('cohort')}</th>
            <th scope="col" className={numberCell}>{t('clients')}</th>
            {Array.from({ length: months }, (_, n) => <th key={n} scope="col" className={numberCell}>{t('monthsSince', { n })}</th>)}
          </tr>
        }
      >
        {cohorts.map((cohort) => (
          <tr key={cohort.month}>
            <th scope="row" className="sticky left-0 whitespace-nowrap bg-white px-3 py-2 text-left font-medium">{monthLabel(cohort.month)}</th>
            <td className={numberCell}>{f.count(cohort.clients)}</td>
            {Array.from({ length: months }, (_, n) => {
              const share = cohort.retention[n];
              if (share === undefined) return <td key={n} />;
              const title = share === null ? undefined : `${f.count(cohort.retained[n]!)} / ${f.count(cohort.clients)}`;
              return (
                <td key={n} className={numberCell} title={title} style={share ? { backgroundColor: `rgba(37, 99, 235, ${Math.min(0.08 + share * 0.6, 0.68)})` } : undefined}>
                  {f.percent(share)}
                </td>
              );
            })}
          </tr>
        ))}
      </ReportTable>
    </section>
  );
}
