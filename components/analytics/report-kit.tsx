'use client';

import { useLocale } from 'next-intl';
import { formatMoney } from '@/lib/format';
import { DrillLink } from './drill-link';

/** Number formats every report uses, in the reader's language. */
export function useReportFormats(currency: string) {
  const locale = useLocale();
  return {
    locale,
    money: (value: string | number | null) => (value === null ? '—' : formatMoney(value, currency, locale)),
    percent: (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)),
    days: (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)),
    count: (value: number) => new Intl.NumberFormat(locale).format(value),
    compact: (value: number) => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value),
    name: (ru: string | null, en: string | null) => (locale === 'ru' ? ru : en),
  };
}

export const numberCell = 'px-3 py-2 text-right tabular-nums';

/** A headline figure with its comparison underneath; with `href`, the number opens the records behind it. */
export function Figure({ label, value, href, testId, children }: { label: string; value: string; href?: string | null; testId?: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-3">
      <div className="text-xs text-slate-500">{label}</div>
      <div className="text-2xl font-semibold tabular-nums">
        <DrillLink href={href} testId={testId}>{value}</DrillLink>
      </div>
      {children}
    </div>
  );
}

/** A report table: scrolls inside its frame on a phone, never the page. */
export function ReportTable({ head, children, foot, minWidth = 560, testId = 'report-table' }: { head: React.ReactNode; children: React.ReactNode; foot?: React.ReactNode; minWidth?: number; testId?: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-sm" style={{ minWidth }} data-testid={testId}>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">{head}</thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
        {foot && <tfoot className="border-t border-slate-200 font-semibold">{foot}</tfoot>}
      </table>
    </div>
  );
}
