'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { failedFieldOf } from '@/lib/trpc/errors';

const input = 'w-full rounded-md border border-slate-300 px-3 py-2 text-sm';

/** Chooses a password through a one-time link; on success, off to sign in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('resetPassword');
  const trpc = useTRPC();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reset = useMutation(trpc.passwordLinks.reset.mutationOptions({
    onError: (e) => setError(failedFieldOf(e) === 'token' ? t('expired') : failedFieldOf(e) === 'password' ? t('weak') : t('failed')),
  }));
  if (reset.isSuccess) {
    return (
      <div className="space-y-3" role="status">
        <p className="text-sm text-emerald-700">{t('done')}</p>
        <Link href="/signin" className="inline-block rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white">{t('signIn')}</Link>
      </div>
    );
  }
  const mismatch = repeat !== '' && repeat !== password;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!mismatch) reset.mutate({ token, password });
  }
  return (
    <form onSubmit={submit} className="space-y-3">
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t('password')}
        <input type="password" name="password" value={password} onChange={(e) => { setPassword(e.target.value); setError(null); }} required autoComplete="new-password" maxLength={200} className={input} />
      </label>
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t('repeat')}
        <input type="password" name="repeat" value={repeat} onChange={(e) => setRepeat(e.target.value)} required autoComplete="new-password" maxLength={200} className={input} />
      </label>
      <p className="text-xs text-slate-500">{t('rules')}</p>
      {mismatch && <p className="text-sm text-rose-700">{t('mismatch')}</p>}
      <p role="alert" className="text-sm text-rose-700">{error}</p>
      <button type="submit" disabled={mismatch || !password || reset.isPending} className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white disabled:opacity-50">{t('save')}</button>
    </form>
  );
}
