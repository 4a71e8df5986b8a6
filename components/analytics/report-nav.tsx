'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { REPORTS, reportHref } from '@/lib/analytics/reports';

/** Tabs between the reports; the filters travel along, so switching keeps the period and the team. */
export function ReportNav() {
  const t = useTranslations('analytics.reports');
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return (
    <nav aria-label={t('label')} className="-mx-1 mb-4 flex gap-1 overflow-x-auto pb-1 print:hidden">
      {REPORTS.map((report) => {
        const href = reportHref(report);
        const current = pathname === href;
        return (
          <Link
            key={report}
            href={reportHref(report, query)}
            aria-current={current ? 'page' : undefined}
            className={`shrink-0 rounded-md px-3 py-1.5 text-sm ${current ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
          >
            {t(`${report}.title`)}
          </Link>
        );
      })}
    </nav>
  );
}
