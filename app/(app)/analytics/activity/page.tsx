import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActivityReport } from '@/components/analytics/activity-report';
import { ReportPage } from '@/components/analytics/report-page';
import { filtersFromSearchParams } from '@/lib/analytics/report-filters-url';
import { getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analytics.reports.activity'))('title') };
}

/** Activity per manager: pipeline and source do not apply (a call or a task has neither), so their filters are hidden. */
export default async function ActivityReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSection('analytics');
  const filters = filtersFromSearchParams(await searchParams);
  const queryClient = getQueryClient();
  const [organisation] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.organisation.queryOptions()),
    queryClient.prefetchQuery(trpc.analytics.activity.queryOptions(filters)),
  ]);
  return (
    <ReportPage report="activity" filters={filters} showTeam={user.role !== 'head'} showPipeline={false} showSource={false}>
      <ActivityReport filters={filters} currency={organisation.currency} />
    </ReportPage>
  );
}
