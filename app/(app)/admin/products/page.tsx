import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ProductsEditor } from '@/components/admin/products-editor';
import { ReferenceTabs } from '@/components/admin/reference-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminReference.tabs'))('products') };
}

export default async function ProductsAdminPage() {
  await requireSection('admin');
  const t = await getTranslations('adminReference');
  await getQueryClient().prefetchQuery(trpc.products.list.queryOptions());
  return (
    <>
      <Link href="/admin" className="text-sm text-brand-700 hover:underline">← {t('backToAdmin')}</Link>
      <PageHeader title={t('tabs.products')} description={t('descriptions.products')} />
      <ReferenceTabs current="products" />
      <HydrateClient>
        <ProductsEditor />
      </HydrateClient>
    </>
  );
}
