import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExecutiveHome } from '@/components/analytics/executive-home';
import { PageHeader } from '@/components/ui/page-header';
import { REPORTS, reportHref } from '@/lib/analytics/reports';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('analytics') };
}

/**
 * The analytics area's start, and an executive's landing page: the month in tiles (one phone
 * screen), then the reports, each with what it answers.
 */
export default async function AnalyticsPage() {
  await requireSection('analytics');
  const t = await getTranslations('analytics');
  const locale = await getLocale();
  const queryClient = getQueryClient();
  const [organisation, home] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.organisation.queryOptions()),
    queryClient.fetchQuery(trpc.analytics.home.queryOptions({})),
  ]);
  const tag = locale === 'ru' ? 'ru-RU' : 'en-GB';
  const month = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${home.month.from}T00:00:00Z`));
  const share = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(home.elapsed);
  return (
    <>
      <PageHeader title={t('title')} description={t('home.asOf', { month, share })} />
      <HydrateClient>
        <ExecutiveHome currency={organisation.currency} />
      </HydrateClient>
      <h2 className="mb-1 text-lg font-semibold">{t('reportsHeading')}</h2>
      <p className="mb-3 text-sm text-slate-500">{t('description')}</p>
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
