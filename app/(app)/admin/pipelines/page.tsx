import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PipelinesEditor } from '@/components/admin/pipelines-editor';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.pipelines'))('title') };
}

export default async function PipelinesAdminPage() {
  await requireSection('admin');
  const t = await getTranslations('admin');
  await getQueryClient().prefetchQuery(trpc.pipelines.list.queryOptions());
  return (
    <>
      <Link href="/admin" className="text-sm text-brand-700 hover:underline">← {t('title')}</Link>
      <PageHeader title={t('pipelines.title')} description={t('pipelines.description')} />
      <HydrateClient>
        <PipelinesEditor />
      </HydrateClient>
    </>
  );
}
