import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { UserDeactivationPanel } from '@/components/admin/users/user-deactivation-panel';
import { UserForm } from '@/components/admin/users/user-form';
import { UserPasswordPanel } from '@/components/admin/users/user-password-panel';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

async function loadUser(rawId: string) {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return getQueryClient().fetchQuery(trpc.users.byId.queryOptions({ id })).catch(() => notFound());
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requireSection('admin');
  return { title: (await loadUser((await params).id)).name };
}

export default async function UserAdminPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireSection('admin');
  const user = await loadUser((await params).id);
  const t = await getTranslations('adminUsers');
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.users.teams.queryOptions()), queryClient.prefetchQuery(trpc.users.list.queryOptions())]);
  return (
    <>
      <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">← {t('title')}</Link>
      <PageHeader title={user.name} description={user.isActive ? user.email : t('deactivatedEmail', { email: user.email })} />
      <HydrateClient>
        <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <UserForm user={{ id: user.id, version: user.version, name: user.name, email: user.email, role: user.role, teamId: user.teamId, locale: user.locale }} />
          <div className="space-y-5">
            <Panel title={t('password.title')}>
              <UserPasswordPanel userId={user.id} isActive={user.isActive} />
            </Panel>
            <Panel title={t('deactivation.title')}>
              <UserDeactivationPanel userId={user.id} isSelf={user.id === me.id} />
            </Panel>
            <Link href={`/admin/audit?entityType=user&entityId=${user.id}`} className="inline-block text-sm text-brand-700 hover:underline">{t('history')}</Link>
          </div>
        </div>
      </HydrateClient>
    </>
  );
}
