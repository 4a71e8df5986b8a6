import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ClientsTable } from '@/components/clients/clients-table';
import { DEFAULT_CLIENTS_QUERY } from '@/components/clients/clients-query';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('contacts') };
}

export default async function Page() {
  const user = await requireSection('contacts');
  const t = await getTranslations('clients');
  await getQueryClient().prefetchQuery(trpc.contacts.list.queryOptions(DEFAULT_CLIENTS_QUERY));
  return (
    <>
      <PageHeader title={t('title.contacts')} description={t('description.contacts')} />
      <HydrateClient>
        <ClientsTable kind="contacts" canCreate={can(user.role, 'client.update')} />
      </HydrateClient>
    </>
  );
}
