import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TeamsPanel } from '@/components/admin/users/teams-panel';
import { UsersList } from '@/components/admin/users/users-list';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminUsers'))('title') };
}

export default async function UsersAdminPage() {
  await requireSection('admin');
  const t = await getTranslations('adminUsers');
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.users.list.queryOptions()), queryClient.prefetchQuery(trpc.users.teams.queryOptions())]);
  return (
    <>
      <Link href="/admin" className="text-sm text-brand-700 hover:underline">← {t('backToAdmin')}</Link>
      <PageHeader title={t('title')} description={t('description')} />
      <HydrateClient>
        <div className="space-y-8">
          <UsersList />
          <TeamsPanel />
        </div>
      </HydrateClient>
    </>
  );
}
