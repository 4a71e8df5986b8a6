import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { WorkCalendarEditor } from '@/components/admin/work-calendar-editor';
import { PageHeader } from '@/components/ui/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workCalendar'))('title') };
}

/** Admin: the production calendar that plan vs fact paces on (holidays, weekends worked). */
export default async function WorkCalendarPage() {
  await requireSection('admin');
  const t = await getTranslations('workCalendar');
  const year = new Date().getUTCFullYear();
  await getQueryClient().prefetchQuery(trpc.workCalendar.year.queryOptions({ year }));
  return (
    <>
      <Link href="/admin" className="text-sm text-brand-700 hover:underline">← {t('backToAdmin')}</Link>
      <PageHeader title={t('title')} description={t('description')} />
      <HydrateClient>
        <WorkCalendarEditor initialYear={year} />
      </HydrateClient>
    </>
  );
}
