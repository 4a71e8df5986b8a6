import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DuplicatesView } from '@/components/merges/duplicates-view';
import { DEFAULT_DUPLICATES_QUERY, RECENT_MERGES_QUERY } from '@/components/merges/duplicates-query';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('merges'))('title') };
}

export default async function DuplicatesPage() {
  const user = await requireSection('leads');
  const t = await getTranslations('merges');
  // Leads, contacts and companies are all edited by the same roles.
  const canMerge = can(user.role, 'lead.update') && can(user.role, 'client.update');
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.merges.duplicateGroups.queryOptions(DEFAULT_DUPLICATES_QUERY)),
    canMerge ? queryClient.prefetchQuery(trpc.merges.recent.queryOptions(RECENT_MERGES_QUERY)) : null,
  ]);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={<Link href="/leads" className="text-sm text-brand-700 hover:underline">{t('backToLeads')}</Link>}
      />
      <HydrateClient>
        <DuplicatesView canMerge={canMerge} />
      </HydrateClient>
    </>
  );
}
