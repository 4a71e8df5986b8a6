import { getTranslations } from 'next-intl/server';

export async function Logo() {
  const t = await getTranslations();
  return (
    <span className="inline-flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
      <svg viewBox="0 0 32 32" className="h-7 w-7" aria-hidden>
        <rect width="32" height="32" rx="7" fill="#2f6fed" />
        <path d="M7 9h18l-7 8v6l-4 2v-8z" fill="#fff" />
      </svg>
      {t('brand')}
    </span>
  );
}
