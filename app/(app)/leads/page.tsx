import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LeadsTable } from '@/components/leads/leads-table';
import { DEFAULT_LEADS_QUERY } from '@/components/leads/leads-query';
import { PageHeader } from '@/components/ui/page-header';
import { leadFiltersFromSearchParams } from '@/lib/drill-down';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('leads') };
}

export default async function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSection('leads');
  // A report's drill-down link (or a shared address) opens the list already filtered.
  const initialFilters = leadFiltersFromSearchParams(await searchParams);
  const t = await getTranslations('leads');
  const queryClient = getQueryClient();
  const [sources, junkReasons, pipelines] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.leadSources.queryOptions()),
    queryClient.fetchQuery(trpc.reference.junkReasons.queryOptions()),
    queryClient.fetchQuery(trpc.reference.pipelines.queryOptions()),
    queryClient.prefetchQuery(trpc.leads.list.queryOptions({ ...DEFAULT_LEADS_QUERY, filters: initialFilters })),
  ]);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/leads/duplicates" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50" data-testid="duplicates-link">
              {(await getTranslations('merges'))('link')}
            </Link>
            {can(user.role, 'lead.update') && (
              <Link href="/leads/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700" data-testid="new-lead">
                {(await getTranslations('leadForm'))('newLead')}
              </Link>
            )}
          </div>
        }
      />
      <HydrateClient>
        <LeadsTable key={JSON.stringify(initialFilters)} initialFilters={initialFilters} sources={sources} junkReasons={junkReasons} pipelines={pipelines} canChange={can(user.role, 'lead.update')} />
      </HydrateClient>
    </>
  );
}
