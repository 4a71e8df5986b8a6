import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HygieneBoard } from '@/components/team/hygiene-board';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('team') };
}

/** The head's team screen: pipeline hygiene now; plan vs fact and the target planner come next. */
export default async function TeamPage() {
  const user = await requireSection('team');
  const t = await getTranslations('team');
  const queryClient = getQueryClient();
  const teams = await queryClient.fetchQuery(trpc.reference.teams.queryOptions());
  await queryClient.prefetchQuery(trpc.hygiene.board.queryOptions({ teamId: teams.length === 1 ? teams[0]!.id : undefined }));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <h2 className="mb-2 text-lg font-semibold">{t('hygiene.title')}</h2>
      <p className="mb-3 text-sm text-slate-500">{t('hygiene.description')}</p>
      <HydrateClient>
        <HygieneBoard teams={teams} canSetTasks={can(user.role, 'activity.create')} />
      </HydrateClient>
    </>
  );
}
