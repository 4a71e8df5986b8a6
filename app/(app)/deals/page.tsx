import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DealsTable } from '@/components/deals/deals-table';
import { DEFAULT_DEALS_QUERY } from '@/components/deals/deals-query';
import { PageHeader } from '@/components/ui/page-header';
import { dealFiltersFromSearchParams } from '@/lib/drill-down';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('deals') };
}

export default async function DealsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSection('deals');
  // A report's drill-down link (or a shared address) opens the list already filtered.
  const initialFilters = dealFiltersFromSearchParams(await searchParams);
  const t = await getTranslations('deals');
  const queryClient = getQueryClient();
  const [pipelines, owners, sources, preferences] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.pipelines.queryOptions()),
    queryClient.fetchQuery(trpc.reference.owners.queryOptions()),
    queryClient.fetchQuery(trpc.reference.leadSources.queryOptions()),
    queryClient.fetchQuery(trpc.profile.preferences.queryOptions()),
    // The first page is fetched on the server, so the table paints with data, not a spinner.
    queryClient.prefetchQuery(trpc.deals.list.queryOptions({ ...DEFAULT_DEALS_QUERY, filters: initialFilters })),
  ]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <HydrateClient>
        <DealsTable key={JSON.stringify(initialFilters)} pipelines={pipelines} owners={owners} sources={sources} savedColumns={preferences.dealsColumns} initialFilters={initialFilters} />
      </HydrateClient>
    </>
  );
}
