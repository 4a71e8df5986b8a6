'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { signOut } from '@/lib/sign-out';
import { useTRPC } from '@/lib/trpc/client';
import { failedFieldOf } from '@/lib/trpc/errors';

const input = 'w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/**
 * Changes the user's own password. A new password ends every session, this one too, so the
 * user signs in again with it.
 */
export function ChangePasswordForm() {
  const t = useTranslations('profile.password');
  const trpc = useTRPC();
  const [draft, setDraft] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const change = useMutation(trpc.profile.changePassword.mutationOptions({
    onSuccess: () => void signOut(),
    onError: (e) => {
      const field = failedFieldOf(e);
      setError(field === 'currentPassword' ? t('wrongCurrent') : field === 'password' || field === 'newPassword' ? t('weak') : t('failed'));
    },
  }));
  const mismatch = draft.repeat !== '' && draft.repeat !== draft.newPassword;
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!mismatch) change.mutate({ currentPassword: draft.currentPassword, newPassword: draft.newPassword });
  }
  const field = (key: keyof typeof draft, autoComplete: string) => (
    <label className="grid gap-1 text-sm font-medium text-slate-700">
      {t(key)}
      <input type="password" name={key} value={draft[key]} onChange={(e) => { setDraft({ ...draft, [key]: e.target.value }); setError(null); }} required autoComplete={autoComplete} maxLength={200} className={input} />
    </label>
  );
  return (
    <form onSubmit={save} className="grid gap-3" data-testid="change-password">
      {field('currentPassword', 'current-password')}
      {field('newPassword', 'new-password')}
      {field('repeat', 'new-password')}
      <p className="text-xs text-slate-500">{t('rules')}</p>
      {mismatch && <p className="text-sm text-rose-700">{t('mismatch')}</p>}
      <p role="alert" className="text-sm text-rose-700">{error}</p>
      <button type="submit" disabled={mismatch || !draft.newPassword || change.isPending} className="justify-self-start rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">{t('save')}</button>
    </form>
  );
}
