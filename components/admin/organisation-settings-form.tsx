'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo, useState, type FormEvent } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf, failedFieldOf } from '@/lib/trpc/errors';
import { CHURN_WINDOW_DAYS } from '@/lib/analytics/churn-window';
import type { RouterOutputs } from '@/lib/trpc/types';

type Settings = RouterOutputs['organisation']['settings'];

const input = 'w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const invalidInput = input.replace('border-slate-300', 'border-rose-500');
/** Currencies offered first; any ISO code the runtime knows is accepted by the server. */
const CURRENCIES = ['RUB', 'BYN', 'KZT', 'UZS', 'AMD', 'USD', 'EUR', 'CNY'];

interface Draft { name: string; timeZone: string; currency: string; churnWindowDays: string; firstTaskDelayMinutes: string; leadResponseSlaMinutes: string }

const draftOf = (s: Settings): Draft => ({
  name: s.name,
  timeZone: s.timeZone,
  currency: s.currency,
  churnWindowDays: String(s.churnWindowDays),
  firstTaskDelayMinutes: String(s.firstTaskDelayMinutes),
  leadResponseSlaMinutes: String(s.leadResponseSlaMinutes),
});

const wholeIn = (value: string, min: number, max: number) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;

/** Admin: the organisation's name, time zone, currency, churn window and new-lead timing. */
export function OrganisationSettingsForm() {
  const t = useTranslations('admin.organisation');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.organisation.settings.queryOptions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const update = useMutation(
    trpc.organisation.updateSettings.mutationOptions({
      onSuccess: async () => {
        setMessage({ ok: true, text: t('saved') });
        setDraft(null);
        await queryClient.invalidateQueries({ queryKey: trpc.organisation.settings.queryKey() });
      },
      onError: (error) => {
        const field = failedFieldOf(error);
        setMessage({ ok: false, text: errorCodeOf(error) === 'CONFLICT' ? t('conflict') : field === 'timeZone' || field === 'currency' ? t(`errors.${field}`) : t('failed') });
        setDraft(null);
        void queryClient.invalidateQueries({ queryKey: trpc.organisation.settings.queryKey() });
      },
    }),
  );
  if (!data) return null;
  const value = draft ?? draftOf(data);
  const valid = {
    name: value.name.trim().length > 0,
    churnWindowDays: wholeIn(value.churnWindowDays, CHURN_WINDOW_DAYS.min, CHURN_WINDOW_DAYS.max),
    firstTaskDelayMinutes: wholeIn(value.firstTaskDelayMinutes, 0, 10_080),
    leadResponseSlaMinutes: wholeIn(value.leadResponseSlaMinutes, 1, 10_080),
  };
  const allValid = Object.values(valid).every(Boolean);
  const changed = JSON.stringify(value) !== JSON.stringify(draftOf(data));
  const set = (key: keyof Draft, next: string) => {
    setDraft({ ...value, [key]: next });
    setMessage(null);
  };
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!allValid) return;
    update.mutate({
      version: data!.version,
      name: value.name,
      timeZone: value.timeZone,
      currency: value.currency,
      churnWindowDays: Number(value.churnWindowDays),
      firstTaskDelayMinutes: Number(value.firstTaskDelayMinutes),
      leadResponseSlaMinutes: Number(value.leadResponseSlaMinutes),
    });
  }
  const numberField = (key: 'churnWindowDays' | 'firstTaskDelayMinutes' | 'leadResponseSlaMinutes', help: string) => (
    <div className="grid content-start gap-1">
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t(key)}
        <input name={key} value={value[key]} onChange={(e) => set(key, e.target.value)} inputMode="numeric" aria-invalid={!valid[key]} aria-describedby={`${key}-help`} className={valid[key] ? input : invalidInput} />
      </label>
      <p id={`${key}-help`} className={`text-xs ${valid[key] ? 'text-slate-600' : 'text-rose-700'}`}>{help}</p>
    </div>
  );
  return (
    <form onSubmit={save} className="grid max-w-2xl gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="organisation-settings">
      <label className="grid gap-1 text-sm font-medium text-slate-700 sm:col-span-2">
        {t('name')}
        <input name="name" value={value.name} onChange={(e) => set('name', e.target.value)} maxLength={200} aria-invalid={!valid.name} className={valid.name ? input : invalidInput} />
      </label>
      <div className="grid content-start gap-1">
        <label className="grid gap-1 text-sm font-medium text-slate-700">
          {t('timeZone')}
          <select name="timeZone" value={value.timeZone} onChange={(e) => set('timeZone', e.target.value)} aria-describedby="timeZone-help" className={input}>
            {[...new Set([value.timeZone, ...timeZones])].map((zone) => <option key={zone} value={zone}>{zone}</option>)}
          </select>
        </label>
        <p id="timeZone-help" className="text-xs text-slate-600">{t('timeZoneHelp')}</p>
      </div>
      <div className="grid content-start gap-1">
        <label className="grid gap-1 text-sm font-medium text-slate-700">
          {t('currency')}
          <select name="currency" value={value.currency} onChange={(e) => set('currency', e.target.value)} aria-describedby="currency-help" className={input}>
            {[...new Set([value.currency, ...CURRENCIES])].map((code) => <option key={code} value={code}>{code}</option>)}
          </select>
        </label>
        <p id="currency-help" className="text-xs text-slate-600">{t('currencyHelp')}</p>
      </div>
      {numberField('churnWindowDays', t('churnWindowHelp', CHURN_WINDOW_DAYS))}
      {numberField('firstTaskDelayMinutes', t('firstTaskDelayHelp'))}
      {numberField('leadResponseSlaMinutes', t('leadResponseSlaHelp'))}
      <div className="grid content-start gap-1 text-sm">
        <span className="font-medium text-slate-700">{t('calendar')}</span>
        <Link href="/admin/calendar" className="text-brand-700 hover:underline">{t('calendarLink')}</Link>
        <span className="text-xs text-slate-600">{t('calendarHelp')}</span>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={!allValid || !changed || update.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
          {t('save')}
        </button>
        <p role="status" className={`text-sm ${message?.ok ? 'text-emerald-700' : 'text-rose-700'}`}>{message?.text}</p>
      </div>
    </form>
  );
}
