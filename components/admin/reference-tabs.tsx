import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** The reference lists an admin edits, as tabs over each list's page. */
const TABS = [
  { key: 'leadSources', href: '/admin/sources' },
  { key: 'junkReasons', href: '/admin/reference/junk-reasons' },
  { key: 'lossReasons', href: '/admin/reference/loss-reasons' },
  { key: 'dealTypes', href: '/admin/reference/deal-types' },
  { key: 'products', href: '/admin/products' },
] as const;

export type ReferenceTab = (typeof TABS)[number]['key'];

export async function ReferenceTabs({ current }: { current: ReferenceTab }) {
  const t = await getTranslations('adminReference.tabs');
  return (
    <nav aria-label={t('label')} className="-mx-1 mb-4 flex flex-wrap gap-1">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? 'page' : undefined}
          className={`rounded-md px-2.5 py-1 text-sm ${tab.key === current ? 'bg-brand-600 font-semibold text-white' : 'text-brand-700 hover:bg-slate-100'}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
