'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { formatDate } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '@/db/schema/enums';

const control = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm';

/** Admin: a year of the production calendar — its holidays, weekends worked and shortened days. */
export function WorkCalendarEditor({ initialYear }: { initialYear: number }) {
  const t = useTranslations('workCalendar');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(initialYear);
  const [day, setDay] = useState('');
  const [kind, setKind] = useState<CalendarDayKind>('holiday');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { data } = useQuery(trpc.workCalendar.year.queryOptions({ year }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.workCalendar.pathKey() });
  const onError = (error: unknown) => setMessage({ ok: false, text: errorCodeOf(error) === 'CONFLICT' ? t('exists') : t('failed') });
  const add = useMutation(trpc.workCalendar.add.mutationOptions({ onSuccess: async () => { setDay(''); setNote(''); setMessage({ ok: true, text: t('added') }); await refresh(); }, onError }));
  const remove = useMutation(trpc.workCalendar.remove.mutationOptions({ onSuccess: async () => { setMessage({ ok: true, text: t('removed') }); await refresh(); }, onError }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (day) add.mutate({ day, kind, note: note || undefined });
  }
  return (
    <div className="space-y-4" data-testid="work-calendar">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => setYear(year - 1)} className={control} aria-label={t('previousYear')}>←</button>
        <span className="text-lg font-semibold tabular-nums">{year}</span>
        <button type="button" onClick={() => setYear(year + 1)} className={control} aria-label={t('nextYear')}>→</button>
        {data && <span className="text-sm text-slate-600">{t('workingDays', { count: data.workingDays })}</span>}
      </div>
      {data?.fallback && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('fallback')}</p>}
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3">
        <label className="grid gap-1 text-sm font-medium text-slate-700">
          {t('day')}
          <input type="date" value={day} min={`${year}-01-01`} max={`${year}-12-31`} onChange={(e) => setDay(e.target.value)} className={control} required />
        </label>
        <label className="grid gap-1 text-sm font-medium text-slate-700">
          {t('kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as CalendarDayKind)} className={control}>
            {CALENDAR_DAY_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
          </select>
        </label>
        <label className="grid min-w-0 flex-1 gap-1 text-sm font-medium text-slate-700">
          {t('note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} className={control} />
        </label>
        <button type="submit" disabled={!day || add.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50">{t('add')}</button>
      </form>
      {message && <p role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-emerald-700' : 'text-rose-700'}`}>{message.text}</p>}
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {data?.days.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">{t('empty')}</li>}
        {data?.days.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm" data-testid="calendar-day">
            <span className="tabular-nums">{formatDate(d.day, locale)}</span>
            <span className={d.kind === 'holiday' ? 'text-rose-700' : d.kind === 'working' ? 'text-emerald-700' : 'text-amber-700'}>{t(`kinds.${d.kind}`)}</span>
            <span className="min-w-0 flex-1 truncate text-slate-500">{d.note}</span>
            <button type="button" onClick={() => remove.mutate({ id: d.id })} disabled={remove.isPending} className="rounded-md border border-slate-300 px-2 py-1 text-xs">{t('remove')}</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
