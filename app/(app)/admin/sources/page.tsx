import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LeadSourcesEditor } from '@/components/admin/lead-sources-editor';
import { ReferenceTabs } from '@/components/admin/reference-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('leadSources'))('title') };
}

export default async function LeadSourcesAdminPage() {
  await requireSection('admin');
  const t = await getTranslations('leadSources');
  await getQueryClient().prefetchQuery(trpc.leadSources.list.queryOptions());
  return (
    <>
      <Link href="/admin" className="text-sm text-brand-700 hover:underline">← {t('backToAdmin')}</Link>
      <PageHeader title={t('title')} description={t('description')} />
      <ReferenceTabs current="leadSources" />
      <HydrateClient>
        <LeadSourcesEditor />
      </HydrateClient>
    </>
  );
}
