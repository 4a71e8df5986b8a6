import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { REPORTS, reportHref } from '@/lib/analytics/reports';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('analytics') };
}

/** The analytics area's start: the reports, each with what it answers. */
export default async function AnalyticsPage() {
  await requireSection('analytics');
  const t = await getTranslations('analytics');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {REPORTS.map((report) => (
          <li key={report} className="rounded-xl border border-slate-200 bg-white p-4">
            <Link href={reportHref(report)} className="font-semibold text-brand-700 hover:underline">{t(`reports.${report}.title`)}</Link>
            <p className="mt-1 text-sm text-slate-600">{t(`reports.${report}.text`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
