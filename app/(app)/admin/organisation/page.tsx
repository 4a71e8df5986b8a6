import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { OrganisationSettingsForm } from '@/components/admin/organisation-settings-form';
import { SellerRequisitesForm } from '@/components/admin/seller-requisites-form';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.organisation'))('title') };
}

export default async function OrganisationSettingsPage() {
  await requireSection('admin');
  const t = await getTranslations('admin.organisation');
  await getQueryClient().prefetchQuery(trpc.organisation.settings.queryOptions());
  return (
    <>
      <Link href="/admin" className="text-sm text-brand-700 hover:underline">← {t('backToAdmin')}</Link>
      <PageHeader title={t('title')} description={t('description')} />
      <HydrateClient>
        <OrganisationSettingsForm />
        <SellerRequisitesForm />
      </HydrateClient>
    </>
  );
}
