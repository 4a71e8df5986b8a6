import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ReportPage } from '@/components/analytics/report-page';
import { ReceivablesReport } from '@/components/analytics/receivables-report';
import { filtersFromSearchParams } from '@/lib/analytics/report-filters-url';
import { getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analytics.reports.receivables'))('title') };
}

export default async function ReceivablesReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSection('analytics');
  const filters = filtersFromSearchParams(await searchParams);
  const queryClient = getQueryClient();
  const [organisation] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.organisation.queryOptions()),
    queryClient.prefetchQuery(trpc.analytics.receivables.queryOptions(filters)),
  ]);
  return (
    <ReportPage report="receivables" filters={filters} showTeam={user.role !== 'head'}>
      <ReceivablesReport filters={filters} currency={organisation.currency} />
    </ReportPage>
  );
}
