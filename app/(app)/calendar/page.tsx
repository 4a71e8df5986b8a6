import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { WeekCalendar } from '@/components/activities/week-calendar';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('calendar') };
}

/** The work calendar: one's week of tasks and meetings (a head: any team member's). */
export default async function CalendarPage() {
  const user = await requireSection('calendar');
  const t = await getTranslations('calendar');
  const queryClient = getQueryClient();
  const [owners] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.owners.queryOptions()),
    queryClient.prefetchQuery(trpc.activities.week.queryOptions({ ownerId: user.id })),
  ]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <HydrateClient>
        <WeekCalendar owners={owners} selfId={user.id} />
      </HydrateClient>
    </>
  );
}
