'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';

/** Junking a lead needs one of the junk reasons, and may take a comment. */
export function JunkDialog({
  title,
  reasons,
  onConfirm,
  onCancel,
}: {
  title: string;
  reasons: { id: number; nameRu: string; nameEn: string }[];
  onConfirm: (values: { junkReasonId: number; junkComment?: string }) => void;
  onCancel: () => void;
}) {
  const t = useTranslations('leads.junk');
  const locale = useLocale();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => ref.current?.showModal(), []);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const junkReasonId = Number(form.get('junkReasonId'));
    if (!junkReasonId) return setError(t('reasonRequired'));
    onConfirm({ junkReasonId, junkComment: String(form.get('junkComment') ?? '').trim() || undefined });
  }
  return (
    <dialog ref={ref} onCancel={onCancel} aria-labelledby="junk-title" className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
      <form onSubmit={submit} className="space-y-3 p-5">
        <h2 id="junk-title" className="text-lg font-semibold">{t('title')}</h2>
        <p className="text-sm text-slate-600">{title}</p>
        <label className="block text-sm font-medium">
          {t('reason')}
          <select name="junkReasonId" defaultValue="" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal">
            <option value="">{t('chooseReason')}</option>
            {reasons.map((reason) => <option key={reason.id} value={reason.id}>{locale === 'ru' ? reason.nameRu : reason.nameEn}</option>)}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t('comment')}
          <textarea name="junkComment" rows={2} maxLength={2000} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal" />
        </label>
        {error && <p role="alert" className="text-sm text-rose-700">{error}</p>}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-2 text-sm">{t('cancel')}</button>
          <button type="submit" className="rounded-md bg-rose-600 px-4 py-2 text-sm font-semibold text-white">{t('confirm')}</button>
        </div>
      </form>
    </dialog>
  );
}
