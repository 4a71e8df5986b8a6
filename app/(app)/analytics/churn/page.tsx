import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChurnReport } from '@/components/analytics/churn-report';
import { ReportPage } from '@/components/analytics/report-page';
import { filtersFromSearchParams } from '@/lib/analytics/report-filters-url';
import { getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analytics.reports.churn'))('title') };
}

export default async function ChurnReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSection('analytics');
  const filters = filtersFromSearchParams(await searchParams);
  const queryClient = getQueryClient();
  const [organisation] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.organisation.queryOptions()),
    queryClient.prefetchQuery(trpc.analytics.churn.queryOptions(filters)),
  ]);
  return (
    <ReportPage report="churn" filters={filters} showTeam={user.role !== 'head'}>
      <ChurnReport filters={filters} currency={organisation.currency} canChangeWindow={user.role === 'admin'} />
    </ReportPage>
  );
}
