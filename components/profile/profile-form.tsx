'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { LOCALE_COOKIE, LOCALES, type Locale } from '@/i18n/locales';
import { useTRPC } from '@/lib/trpc/client';

const input = 'w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/** The user's own name and interface language (role, team and e-mail are the admin's to change). */
export function ProfileForm({ name, locale }: { name: string; locale: Locale | null }) {
  const t = useTranslations('profile');
  const languages = useTranslations('language');
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState({ name, locale: locale ?? '' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const update = useMutation(trpc.profile.update.mutationOptions({
    onSuccess: () => {
      if (draft.locale) document.cookie = `${LOCALE_COOKIE}=${draft.locale}; path=/; max-age=31536000; samesite=lax`;
      setMessage({ ok: true, text: t('saved') });
      router.refresh();
    },
    onError: () => setMessage({ ok: false, text: t('failed') }),
  }));
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ name: draft.name, ...(draft.locale ? { locale: draft.locale as Locale } : {}) });
  }
  return (
    <form onSubmit={save} className="grid gap-3" data-testid="profile-form">
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t('name')}
        <input name="name" value={draft.name} onChange={(e) => { setDraft({ ...draft, name: e.target.value }); setMessage(null); }} required maxLength={120} className={input} />
      </label>
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t('language')}
        <select name="locale" value={draft.locale} onChange={(e) => { setDraft({ ...draft, locale: e.target.value }); setMessage(null); }} className={input}>
          {!locale && <option value="">{t('browserLanguage')}</option>}
          {LOCALES.map((code) => <option key={code} value={code}>{languages(code)}</option>)}
        </select>
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={!draft.name.trim() || update.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">{t('save')}</button>
        <p role="status" className={`text-sm ${message?.ok ? 'text-emerald-700' : 'text-rose-700'}`}>{message?.text}</p>
      </div>
    </form>
  );
}
