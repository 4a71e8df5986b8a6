import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TodayPlanFact } from '@/components/targets/today-plan-fact';
import { OverdueInvoicesSection } from '@/components/documents/overdue-invoices-section';
import { TodayBoard } from '@/components/today/today-board';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('today') };
}

export default async function TodayPage() {
  const user = await requireSection('today');
  const t = await getTranslations('today');
  const queryClient = getQueryClient();
  const [organisation] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.organisation.queryOptions()),
    queryClient.prefetchQuery(trpc.today.get.queryOptions()),
    queryClient.prefetchQuery(trpc.targets.planFact.queryOptions({})),
  ]);
  return (
    <>
      <PageHeader title={t('title', { name: user.name.split(' ')[0] ?? user.name })} description={t('description')} />
      <HydrateClient>
        <TodayPlanFact currency={organisation.currency} />
        <TodayBoard />
      </HydrateClient>
      <OverdueInvoicesSection />
    </>
  );
}
