import { getTranslations } from 'next-intl/server';
import type { SectionKey } from '@/lib/navigation';
import { PageHeader } from './page-header';

/** A section whose screen is not built yet says so, and what it will hold. */
export async function ComingSoon({ section }: { section: SectionKey }) {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t(`nav.${section}`)} />
      <section className="rounded-xl border border-dashed border-slate-300 bg-white p-6">
        <p className="font-medium">{t('comingSoon.title')}</p>
        <p className="mt-2 text-sm text-slate-600">{t(`comingSoon.sections.${section}`)}</p>
      </section>
    </>
  );
}
