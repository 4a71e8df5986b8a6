'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import type { RouterOutputs } from '@/lib/trpc/types';

type Owner = RouterOutputs['reference']['owners'][number];

function shiftDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A week of tasks, calls and meetings: seven columns on a desktop, a list of days on a phone. */
export function WeekCalendar({ owners, selfId }: { owners: Owner[]; selfId: number }) {
  const t = useTranslations('calendar');
  const locale = useLocale();
  const trpc = useTRPC();
  const [day, setDay] = useState<string | undefined>(undefined);
  const [ownerId, setOwnerId] = useState(selfId);
  const { data } = useQuery({ ...trpc.activities.week.queryOptions({ ...(day ? { day } : {}), ownerId }), placeholderData: keepPreviousData });
  const monday = data?.days[0];
  const today = data?.today;
  const dayLabel = (iso: string) =>
    new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const time = (value: Date | string | null) =>
    value ? new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: data?.timeZone ?? 'Europe/Moscow' }).format(new Date(value)) : '';
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => monday && setDay(shiftDays(monday, -7))} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">← {t('previous')}</button>
        <button type="button" onClick={() => setDay(undefined)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">{t('thisWeek')}</button>
        <button type="button" onClick={() => monday && setDay(shiftDays(monday, 7))} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">{t('next')} →</button>
        {owners.length > 1 && (
          <select value={ownerId} onChange={(e) => setOwnerId(Number(e.target.value))} aria-label={t('whose')} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
            {owners.map((owner) => <option key={owner.id} value={owner.id}>{owner.name}</option>)}
          </select>
        )}
      </div>
      <div className="grid gap-2 lg:grid-cols-7" data-testid="week">
        {data?.days.map((iso) => {
          const items = data.items.filter((item) => item.localDay === iso);
          return (
            <div key={iso} className={`min-w-0 rounded-xl border bg-white p-2 ${iso === today ? 'border-brand-500' : 'border-slate-200'}`} data-testid="week-day">
              <h2 className="mb-1 text-xs font-semibold uppercase text-slate-500">{dayLabel(iso)}</h2>
              {items.length === 0 && <p className="text-xs text-slate-400">{t('free')}</p>}
              <ul className="space-y-1">
                {items.map((item) => (
                  <li key={item.id} className={`rounded-md px-2 py-1 text-xs ${item.doneAt ? 'bg-slate-50 text-slate-400 line-through' : item.kind === 'meeting' ? 'bg-violet-50 text-violet-900' : 'bg-sky-50 text-sky-900'}`}>
                    <span className="font-semibold tabular-nums">{time(item.dueAt)}</span> {item.subject}
                    {item.dealId && <Link href={`/deals/${item.dealId}`} className="block truncate text-[11px] underline-offset-2 hover:underline">{item.dealTitle}</Link>}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
