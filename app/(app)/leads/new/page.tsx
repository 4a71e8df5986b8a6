import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LeadForm } from '@/components/leads/lead-form';
import { PageHeader } from '@/components/ui/page-header';
import { getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';
import { rowScopeOf } from '@/server/auth/row-scope';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('leadForm'))('title') };
}

export default async function NewLeadPage() {
  const user = await requireSection('leads');
  // The executive reads and never enters leads.
  if (!can(user.role, 'lead.update')) redirect('/leads');
  const t = await getTranslations('leadForm');
  const queryClient = getQueryClient();
  const [sources, owners] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.leadSources.queryOptions()),
    // A manager's leads are their own; a head (or an admin) may give the lead to someone.
    rowScopeOf(user).kind === 'own' ? Promise.resolve([]) : queryClient.fetchQuery(trpc.reference.owners.queryOptions()),
  ]);
  return (
    <>
      <Link href="/leads" className="text-sm text-brand-700 hover:underline">← {t('backToList')}</Link>
      <PageHeader title={t('title')} description={t('description')} />
      <LeadForm sources={sources} owners={owners} selfId={user.id} />
    </>
  );
}
