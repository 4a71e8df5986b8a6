'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/lib/trpc/types';
import { numberCell, ReportTable, useReportFormats } from './report-kit';

type AtRisk = RouterOutputs['analytics']['churn']['atRisk'];

/** Rows shown at first and added per click: a phone screen is not a place for 200 rows. */
const PAGE = 20;

/**
 * Clients past their own usual repurchase interval, the most valuable first; each opens its card.
 * The list grows a page at a time on screen; print shows every row.
 */
export function ChurnAtRisk({ atRisk, currency }: { atRisk: AtRisk; currency: string }) {
  const t = useTranslations('analytics.churn');
  const [shown, setShown] = useState(PAGE);
  const hidden = atRisk.rows.length - shown;
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
          {atRisk.rows.map((row, index) => (
            <tr key={`${row.clientKind}-${row.clientId}`} className={index < shown ? undefined : 'hidden print:table-row'}>
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
      {hidden > 0 && (
        <button
          type="button"
          onClick={() => setShown((n) => n + PAGE)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 print:hidden"
          data-testid="churn-at-risk-more"
        >
          {t('showMore', { count: f.count(Math.min(PAGE, hidden)), left: f.count(hidden) })}
        </button>
      )}
    </section>
  );
}
