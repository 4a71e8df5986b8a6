import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { UserForm } from '@/components/admin/users/user-form';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminUsers'))('newUser') };
}

export default async function NewUserPage() {
  await requireSection('admin');
  const t = await getTranslations('adminUsers');
  await getQueryClient().prefetchQuery(trpc.users.teams.queryOptions());
  return (
    <>
      <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">← {t('title')}</Link>
      <PageHeader title={t('newUser')} description={t('newUserDescription')} />
      <HydrateClient>
        <UserForm />
      </HydrateClient>
    </>
  );
}
