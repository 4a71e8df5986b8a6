'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { fieldErrorsOf } from '@/lib/trpc/errors';

type Kind = 'call' | 'meeting' | 'email' | 'note' | 'task';
const KINDS: Kind[] = ['call', 'meeting', 'email', 'note', 'task'];

export type ActivityTarget = { dealId?: number; leadId?: number; contactId?: number; companyId?: number };

const control = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/** Log what happened (call, meeting, e-mail, note) or plan a task, on any card. */
export function ActivityComposer({ link }: { link: ActivityTarget }) {
  const t = useTranslations('activities');
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<Kind>('call');
  const [error, setError] = useState<string | null>(null);
  const done = { onSuccess: () => { setError(null); router.refresh(); }, onError: (e: unknown) => setError(Object.keys(fieldErrorsOf(e)).length ? t('checkFields') : t('failed')) };
  const log = useMutation(trpc.activities.log.mutationOptions(done));
  const plan = useMutation(trpc.activities.createTask.mutationOptions(done));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const subject = String(form.get('subject') ?? '').trim() || t(`defaultSubject.${kind}`);
    const body = String(form.get('body') ?? '').trim() || undefined;
    if (kind === 'task') {
      plan.mutate({ subject, body, dueAt: new Date(String(form.get('dueAt'))), link });
    } else {
      const minutes = Number(form.get('minutes') ?? 0);
      log.mutate({
        kind,
        subject,
        body,
        link,
        ...(kind === 'call' || kind === 'email' ? { direction: form.get('direction') === 'in' ? 'in' : 'out' } : {}),
        ...(kind === 'call' && minutes > 0 ? { durationSec: Math.round(minutes * 60) } : {}),
      });
    }
    event.currentTarget.reset();
  }

  return (
    <form onSubmit={submit} className="space-y-2" data-testid="activity-composer">
      <div role="tablist" aria-label={t('kind')} className="flex flex-wrap gap-1">
        {KINDS.map((option) => (
          <button key={option} type="button" role="tab" aria-selected={kind === option} onClick={() => setKind(option)}
            className={`rounded-md px-2.5 py-1 text-xs font-medium ${kind === option ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white'}`}>
            {t(`kinds.${option}`)}
          </button>
        ))}
      </div>
      <label className="block text-xs text-slate-600">
        {t('subject')}
        <input name="subject" placeholder={t(`defaultSubject.${kind}`)} className={control} />
      </label>
      <div className="flex flex-wrap gap-2">
        {(kind === 'call' || kind === 'email') && (
          <label className="text-xs text-slate-600">
            {t('direction')}
            <select name="direction" className={control} defaultValue="out">
              <option value="out">{t('out')}</option>
              <option value="in">{t('in')}</option>
            </select>
          </label>
        )}
        {kind === 'call' && (
          <label className="text-xs text-slate-600">
            {t('minutes')}
            <input name="minutes" type="number" min={0} max={600} step={1} className={`${control} w-24`} />
          </label>
        )}
        {kind === 'task' && (
          <label className="text-xs text-slate-600">
            {t('dueAt')}
            <input name="dueAt" type="datetime-local" required className={control} />
          </label>
        )}
      </div>
      <label className="block text-xs text-slate-600">
        {kind === 'task' ? t('details') : t('result')}
        <textarea name="body" rows={2} className={control} />
      </label>
      {error && <p role="alert" className="text-xs text-rose-700">{error}</p>}
      <button type="submit" disabled={log.isPending || plan.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60">
        {kind === 'task' ? t('plan') : t('save')}
      </button>
    </form>
  );
}
