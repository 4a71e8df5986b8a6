import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LeadsTable } from '@/components/leads/leads-table';
import { DEFAULT_LEADS_QUERY } from '@/components/leads/leads-query';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('leads') };
}

export default async function LeadsPage() {
  const user = await requireSection('leads');
  const t = await getTranslations('leads');
  const queryClient = getQueryClient();
  const [sources, junkReasons, pipelines] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.leadSources.queryOptions()),
    queryClient.fetchQuery(trpc.reference.junkReasons.queryOptions()),
    queryClient.fetchQuery(trpc.reference.pipelines.queryOptions()),
    queryClient.prefetchQuery(trpc.leads.list.queryOptions(DEFAULT_LEADS_QUERY)),
  ]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <HydrateClient>
        <LeadsTable sources={sources} junkReasons={junkReasons} pipelines={pipelines} canChange={can(user.role, 'lead.update')} />
      </HydrateClient>
    </>
  );
}
