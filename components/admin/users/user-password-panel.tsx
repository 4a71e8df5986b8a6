'use client';

import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { failedFieldOf } from '@/lib/trpc/errors';

const input = 'w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const button = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-40';

/**
 * Admin: set a new password, or make a one-time link the person follows to choose their own
 * (printed to the server log: there is no mail server). Either ends the person's sessions.
 */
export function UserPasswordPanel({ userId, isActive }: { userId: number; isActive: boolean }) {
  const t = useTranslations('adminUsers.password');
  const locale = useLocale();
  const trpc = useTRPC();
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const onError = (error: unknown) => setMessage({ ok: false, text: failedFieldOf(error) === 'password' ? t('weak') : t('failed') });
  const setNew = useMutation(trpc.users.setPassword.mutationOptions({
    onSuccess: () => {
      setPassword('');
      setMessage({ ok: true, text: t('set') });
    },
    onError,
  }));
  const link = useMutation(trpc.users.issuePasswordLink.mutationOptions({
    onSuccess: ({ expiresAt }) => setMessage({ ok: true, text: t('linkIssued', { until: formatDateTime(expiresAt, locale) }) }),
    onError,
  }));
  return (
    <div className="space-y-3" data-testid="user-password">
      <p className="text-xs text-slate-500">{t('rules')}</p>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (password) setNew.mutate({ id: userId, password });
        }}
      >
        <label className="grid min-w-0 flex-1 basis-48 text-xs text-slate-600">
          {t('newPassword')}
          <input type="password" value={password} onChange={(e) => { setPassword(e.target.value); setMessage(null); }} autoComplete="new-password" maxLength={200} className={input} />
        </label>
        <button type="submit" disabled={!password || setNew.isPending} className={button}>{t('setButton')}</button>
      </form>
      <button type="button" disabled={!isActive || link.isPending} onClick={() => link.mutate({ id: userId })} className={button}>{t('linkButton')}</button>
      <p role="status" className={`text-sm ${message?.ok ? 'text-emerald-700' : 'text-rose-700'}`}>{message?.text}</p>
    </div>
  );
}
