import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuditLogViewer, type AuditFilters } from '@/components/admin/audit-log-viewer';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auditLog'))('title') };
}

/** Filters a link may carry (a user's page links to that user's history). */
function filtersFrom(params: Record<string, string | undefined>): AuditFilters {
  const entityId = Number(params.entityId);
  return {
    entityType: params.entityType && /^[a-zA-Z]{1,40}$/.test(params.entityType) ? params.entityType : undefined,
    entityId: Number.isInteger(entityId) && entityId > 0 ? entityId : undefined,
  };
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireSection('admin');
  const t = await getTranslations('auditLog');
  const initial = filtersFrom(await searchParams);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(trpc.audit.list.infiniteQueryOptions({ ...initial, pageSize: 50 }, { getNextPageParam: (page) => page.nextCursor })),
    queryClient.prefetchQuery(trpc.users.list.queryOptions()),
    queryClient.prefetchQuery(trpc.audit.entityTypes.queryOptions()),
  ]);
  return (
    <>
      <Link href="/admin" className="text-sm text-brand-700 hover:underline">← {t('backToAdmin')}</Link>
      <PageHeader title={t('title')} description={t('description')} />
      <HydrateClient>
        <AuditLogViewer initial={initial} />
      </HydrateClient>
    </>
  );
}
