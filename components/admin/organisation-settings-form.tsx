'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import { CHURN_WINDOW_DAYS } from '@/lib/analytics/churn-window';

const input = 'w-32 rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/** Admin: the organisation's settings — for now the churn window (N of the churn report). */
export function OrganisationSettingsForm() {
  const t = useTranslations('admin.organisation');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.organisation.settings.queryOptions());
  const [days, setDays] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const update = useMutation(
    trpc.organisation.updateSettings.mutationOptions({
      onSuccess: async () => {
        setMessage({ ok: true, text: t('saved') });
        setDays(null);
        await queryClient.invalidateQueries({ queryKey: trpc.organisation.settings.queryKey() });
      },
      onError: (error) => {
        setMessage({ ok: false, text: errorCodeOf(error) === 'CONFLICT' ? t('conflict') : t('failed') });
        setDays(null);
        void queryClient.invalidateQueries({ queryKey: trpc.organisation.settings.queryKey() });
      },
    }),
  );
  if (!data) return null;
  const value = days ?? String(data.churnWindowDays);
  const parsed = Number(value);
  const valid = /^\d+$/.test(value) && parsed >= CHURN_WINDOW_DAYS.min && parsed <= CHURN_WINDOW_DAYS.max;
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (valid) update.mutate({ version: data!.version, churnWindowDays: parsed });
  }
  return (
    <form onSubmit={save} className="max-w-xl space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="organisation-settings">
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t('churnWindowDays')}
        <input
          value={value}
          onChange={(e) => { setDays(e.target.value); setMessage(null); }}
          inputMode="numeric"
          aria-invalid={!valid}
          aria-describedby="churn-window-help"
          className={valid ? input : input.replace('border-slate-300', 'border-rose-500')}
        />
      </label>
      <p id="churn-window-help" className="text-xs text-slate-600">{t('churnWindowHelp', CHURN_WINDOW_DAYS)}</p>
      {!valid && <p className="text-xs text-rose-700">{t('invalid', CHURN_WINDOW_DAYS)}</p>}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={!valid || update.isPending || parsed === data.churnWindowDays} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
          {t('save')}
        </button>
        <p role="status" className={`text-sm ${message?.ok ? 'text-emerald-700' : 'text-rose-700'}`}>{message?.text}</p>
      </div>
    </form>
  );
}
