'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LOCALE_COOKIE, LOCALES, type Locale } from '@/i18n/locales';

/**
 * Switches the interface language: remembered on this browser (cookie) and, when signed in,
 * saved to the profile through `onSave` so it follows the user to other devices.
 */
export function LanguageSwitch({ onSave }: { onSave?: (locale: Locale) => Promise<unknown> }) {
  const t = useTranslations('language');
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (locale: Locale) =>
    startTransition(async () => {
      document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
      await onSave?.(locale);
      router.refresh();
    });

  return (
    <div role="group" aria-label={t('label')} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-xs">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          disabled={pending}
          aria-pressed={current === locale}
          onClick={() => choose(locale)}
          className={`rounded px-2 py-1 font-medium uppercase ${
            current === locale ? 'bg-brand-600 text-white' : 'text-slate-600 hover:bg-slate-100'
          }`}
        >
          <span className="sr-only">{t(locale)}</span>
          <span aria-hidden>{locale}</span>
        </button>
      ))}
    </div>
  );
}
