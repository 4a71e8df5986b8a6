'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/lib/trpc/types';
import { numberCell, ReportTable, useReportFormats } from './report-kit';

type AtRisk = RouterOutputs['analytics']['churn']['atRisk'];

/** Clients past their own usual repurchase interval, the most valuable first; each opens its card. */
export function ChurnAtRisk({ atRisk, currency }: { atRisk: AtRisk; currency: string }) {
  const t = useTranslations('analytics.churn');
  const f = useReportFormats(currency);
  const date = new Intl.DateTimeFormat(f.locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const columns = ['lastWin', 'daysSince', 'usualInterval', 'daysOverdue', 'wins', 'lifetimeAmount', 'valueAtRisk'] as const;
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold">{t('atRisk')}</h2>
      <p className="text-sm text-slate-600" data-testid="churn-at-risk-summary">
        {atRisk.clients === 0
          ? t('atRiskNone')
          : t('atRiskSummary', { clients: f.count(atRisk.clients), value: f.money(atRisk.valueAtRisk), shown: f.count(Math.min(atRisk.limit, atRisk.clients)) })}
      </p>
      {atRisk.rows.length > 0 && (
        <ReportTable
          minWidth={1000}
          testId="churn-at-risk"
          head={
            <tr>
              <th scope="col" className="px-3 py-2 text-left">{t('client')}</th>
              <th scope="col" className="px-3 py-2 text-left">{t('owner')}</th>
              {columns.map((c) => <th key={c} scope="col" className={numberCell}>{t(c)}</th>)}
            </tr>
          }
        >
          {atRisk.rows.map((row) => (
            <tr key={`${row.clientKind}-${row.clientId}`}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/${row.clientKind === 'company' ? 'companies' : 'contacts'}/${row.clientId}`} prefetch={false} className="text-brand-700 hover:underline">
                  {row.name ?? `#${row.clientId}`}
                </Link>
                <span className="ml-1 text-xs font-normal text-slate-500">{t(`kind.${row.clientKind}`)}</span>
              </th>
              <td className="px-3 py-2">{row.ownerName ?? t('noOwner')}</td>
              <td className={numberCell}>{date.format(new Date(`${row.lastWinOn}T00:00:00Z`))}</td>
              <td className={numberCell}>{f.count(row.daysSinceLastWin)}</td>
              <td className={numberCell}>{f.days(row.usualIntervalDays)}</td>
              <td className={numberCell}>{f.days(row.daysOverdue)}</td>
              <td className={numberCell}>{f.count(row.wins)}</td>
              <td className={numberCell}>{f.money(row.lifetimeAmount)}</td>
              <td className={numberCell}>{f.money(row.valueAtRisk)}</td>
            </tr>
          ))}
        </ReportTable>
      )}
    </section>
  );
}
