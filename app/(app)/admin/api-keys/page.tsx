import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ApiKeysManager } from '@/components/admin/api-keys-manager';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apiKeys'))('title') };
}

export default async function ApiKeysAdminPage() {
  await requireSection('admin');
  const [tAdmin, t] = await Promise.all([getTranslations('admin'), getTranslations('apiKeys')]);
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.apiKeys.list.queryOptions()), queryClient.prefetchQuery(trpc.reference.teams.queryOptions())]);
  return (
    <>
      <Link href="/admin" className="text-sm text-brand-700 hover:underline">← {tAdmin('title')}</Link>
      <PageHeader title={t('title')} description={t('description')} />
      <HydrateClient>
        <ApiKeysManager />
      </HydrateClient>
    </>
  );
}
