'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';

/** "YYYY-MM-DDTHH:mm" of tomorrow 10:00 on this device, for a datetime-local input. */
function tomorrowAtTen(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(10, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T10:00`;
}

/** Plans the next step on a deal (for its owner, when a head sets a control task): subject and due moment. */
export function QuickTaskForm({ dealId, ownerId, defaultSubject, onDone }: { dealId: number; ownerId?: number; defaultSubject?: string; onDone: () => void }) {
  const t = useTranslations('today');
  const trpc = useTRPC();
  const [subject, setSubject] = useState(defaultSubject ?? t('defaultTask'));
  const [due, setDue] = useState(tomorrowAtTen);
  const create = useMutation(trpc.activities.createTask.mutationOptions({ onSuccess: onDone }));
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ subject, dueAt: new Date(due), link: { dealId }, ...(ownerId ? { ownerId } : {}) });
      }}
    >
      <label className="min-w-0 flex-1 text-xs text-slate-600">
        {t('taskSubject')}
        <input value={subject} onChange={(e) => setSubject(e.target.value)} required className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      </label>
      <label className="text-xs text-slate-600">
        {t('taskDue')}
        <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} required className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      </label>
      <button type="submit" disabled={create.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60">
        {t('planTask')}
      </button>
      {create.isError && <p role="alert" className="w-full text-xs text-rose-700">{t('failed')}</p>}
    </form>
  );
}
