import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PipelineBoard } from '@/components/pipeline/pipeline-board';
import { BOARD_PAGE_SIZE } from '@/components/pipeline/board-query';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('pipeline') };
}

export default async function PipelinePage({ searchParams }: { searchParams: Promise<{ pipeline?: string }> }) {
  const user = await requireSection('pipeline');
  const t = await getTranslations('pipeline');
  const queryClient = getQueryClient();
  const [pipelines, owners, sources, reasons] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.pipelines.queryOptions()),
    queryClient.fetchQuery(trpc.reference.owners.queryOptions()),
    queryClient.fetchQuery(trpc.reference.leadSources.queryOptions()),
    queryClient.fetchQuery(trpc.reference.lossReasons.queryOptions()),
  ]);
  const requested = Number((await searchParams).pipeline);
  const pipelineId = pipelines.find((p) => p.id === requested)?.id ?? pipelines[0]?.id;
  if (!pipelineId) return <PageHeader title={t('title')} description={t('noPipelines')} />;
  const initialFilters = { pipelineId, search: '' };
  await queryClient.prefetchQuery(
    trpc.deals.board.queryOptions({ ...initialFilters, search: undefined, perColumn: BOARD_PAGE_SIZE }),
  );
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <HydrateClient>
        <PipelineBoard
          pipelines={pipelines}
          owners={owners}
          sources={sources}
          reasons={reasons}
          initialFilters={initialFilters}
          serverNow={Date.now()}
          canMove={can(user.role, 'deal.move')}
        />
      </HydrateClient>
    </>
  );
}
