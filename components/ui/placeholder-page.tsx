import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { SectionKey } from '@/lib/navigation';
import { requireSection } from '@/server/auth/page-access';
import { ComingSoon } from './coming-soon';

/** The page module of a section not built yet: guarded by role like every real page. */
export function placeholderPage(section: SectionKey) {
  return {
    async generateMetadata(): Promise<Metadata> {
      return { title: (await getTranslations('nav'))(section) };
    },
    async Page() {
      await requireSection(section);
      return <ComingSoon section={section} />;
    },
  };
}
