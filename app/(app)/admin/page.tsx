import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { requireSection } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

/** The admin's home: the sections of administration, the ready ones as links. */
const SECTIONS = [
  { key: 'pipelines', href: '/admin/pipelines' },
  { key: 'organisation', href: '/admin/organisation' },
  { key: 'users', href: '/admin/users' },
  { key: 'references', href: '/admin/sources' },
  { key: 'apiKeys', href: '/admin/api-keys' },
  { key: 'import', href: null },
  { key: 'audit', href: '/admin/audit' },
] as const;

export default async function AdminPage() {
  await requireSection('admin');
  const t = await getTranslations('admin');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map((section) => (
          <li key={section.key} className="rounded-xl border border-slate-200 bg-white p-4">
            {section.href ? (
              <Link href={section.href} className="font-semibold text-brand-700 hover:underline">{t(`sections.${section.key}.title`)}</Link>
            ) : (
              <span className="font-semibold">{t(`sections.${section.key}.title`)} <span className="text-xs font-normal text-slate-500">· {t('soon')}</span></span>
            )}
            <p className="mt-1 text-sm text-slate-600">{t(`sections.${section.key}.text`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
