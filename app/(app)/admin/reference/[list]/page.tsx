import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ReferenceListEditor } from '@/components/admin/reference-list-editor';
import { ReferenceTabs } from '@/components/admin/reference-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import type { ReferenceListKey } from '@/server/services/reference/reference-list-schemas';

/** URL segment → list key. */
const LISTS: Record<string, ReferenceListKey> = { 'junk-reasons': 'junkReasons', 'loss-reasons': 'lossReasons', 'deal-types': 'dealTypes' };

function listOf(segment: string): ReferenceListKey {
  const list = LISTS[segment];
  if (!list) notFound();
  return list;
}

export async function generateMetadata({ params }: { params: Promise<{ list: string }> }): Promise<Metadata> {
  return { title: (await getTranslations('adminReference.tabs'))(listOf((await params).list)) };
}

export default async function ReferenceListPage({ params }: { params: Promise<{ list: string }> }) {
  await requireSection('admin');
  const list = listOf((await params).list);
  const t = await getTranslations('adminReference');
  await getQueryClient().prefetchQuery(trpc.referenceLists.list.queryOptions({ list }));
  return (
    <>
      <Link href="/admin" className="text-sm text-brand-700 hover:underline">← {t('backToAdmin')}</Link>
      <PageHeader title={t(`tabs.${list}`)} description={t(`descriptions.${list}`)} />
      <ReferenceTabs current={list} />
      <HydrateClient>
        <ReferenceListEditor list={list} />
      </HydrateClient>
    </>
  );
}
