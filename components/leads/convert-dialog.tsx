'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RouterInputs, RouterOutputs } from '@/lib/trpc/types';

type Lead = RouterOutputs['leads']['list']['items'][number];
type ConvertInput = RouterInputs['leads']['convert'];

/**
 * Converting a lead: tick what it becomes — a company, a contact, a deal in a chosen pipeline —
 * prefilled from the lead. Everything is created in one transaction on the server.
 */
export function ConvertDialog({
  lead,
  version,
  pipelines,
  onConfirm,
  onCancel,
  error,
}: {
  lead: Lead;
  version: number;
  pipelines: { id: number; name: string }[];
  onConfirm: (input: ConvertInput) => void;
  onCancel: () => void;
  error: string | null;
}) {
  const t = useTranslations('leads.convert');
  const ref = useRef<HTMLDialogElement>(null);
  const [parts, setParts] = useState({ company: Boolean(lead.companyName), contact: Boolean(lead.personName), deal: true });
  useEffect(() => ref.current?.showModal(), []);
  const [lastName = '', firstName = ''] = (lead.personName ?? '').split(/\s+/).reverse();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    onConfirm({
      id: lead.id,
      version,
      company: parts.company ? { mode: 'new', fields: { name: value('companyName') } } : null,
      contact: parts.contact
        ? { mode: 'new', fields: { lastName: value('lastName'), firstName: value('firstName') || null, phones: lead.phone ? [lead.phone] : [], emails: lead.email ? [lead.email] : [] } }
        : null,
      deal: parts.deal ? { pipelineId: Number(form.get('pipelineId')), title: value('dealTitle'), amount: value('amount') || '0' } : null,
    });
  }

  const toggle = (part: keyof typeof parts) => (
    <label className="flex items-center gap-2 text-sm font-semibold">
      <input type="checkbox" checked={parts[part]} onChange={(e) => setParts({ ...parts, [part]: e.target.checked })} />
      {t(part)}
    </label>
  );
  const input = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal';
  return (
    <dialog ref={ref} onCancel={onCancel} aria-labelledby="convert-title" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
      <form onSubmit={submit} className="space-y-3 p-5">
        <h2 id="convert-title" className="text-lg font-semibold">{t('title')}</h2>
        <p className="text-sm text-slate-600">{lead.title}</p>
        <fieldset className="space-y-1 rounded-lg border border-slate-200 p-3">
          {toggle('company')}
          {parts.company && <label className="block text-xs text-slate-600">{t('companyName')}<input name="companyName" required defaultValue={lead.companyName ?? ''} className={input} /></label>}
        </fieldset>
        <fieldset className="space-y-1 rounded-lg border border-slate-200 p-3">
          {toggle('contact')}
          {parts.contact && (
            <div className="grid grid-cols-2 gap-2">
              <label className="text-xs text-slate-600">{t('lastName')}<input name="lastName" required defaultValue={lastName} className={input} /></label>
              <label className="text-xs text-slate-600">{t('firstName')}<input name="firstName" defaultValue={firstName} className={input} /></label>
            </div>
          )}
        </fieldset>
        <fieldset className="space-y-1 rounded-lg border border-slate-200 p-3">
          {toggle('deal')}
          {parts.deal && (
            <div className="space-y-2">
              <label className="block text-xs text-slate-600">{t('dealTitle')}<input name="dealTitle" required defaultValue={lead.companyName ?? lead.title} className={input} /></label>
              <div className="grid grid-cols-2 gap-2">
                <label className="text-xs text-slate-600">{t('pipeline')}
                  <select name="pipelineId" className={input}>{pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>
                </label>
                <label className="text-xs text-slate-600">{t('amount')}<input name="amount" inputMode="decimal" className={input} /></label>
              </div>
            </div>
          )}
        </fieldset>
        {error && <p role="alert" className="text-sm text-rose-700">{error}</p>}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-2 text-sm">{t('cancel')}</button>
          <button type="submit" disabled={!parts.company && !parts.contact && !parts.deal} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50">{t('confirm')}</button>
        </div>
      </form>
    </dialog>
  );
}
