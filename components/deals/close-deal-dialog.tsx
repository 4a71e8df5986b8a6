'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
/** What the dialog shows of the deal being closed. */
export interface ClosingDeal {
  title: string;
  amount: string;
}

export type CloseKind = 'won' | 'lost';

export interface CloseDealValues {
  amount?: string;
  lossReasonId?: number;
  lossComment?: string;
}

/** Won asks for the final amount; lost needs a reason (and takes a comment). */
export function CloseDealDialog({
  card,
  kind,
  reasons,
  onConfirm,
  onCancel,
}: {
  card: ClosingDeal;
  kind: CloseKind;
  reasons: { id: number; nameRu: string; nameEn: string }[];
  onConfirm: (values: CloseDealValues) => void;
  onCancel: () => void;
}) {
  const t = useTranslations('deals.close');
  const locale = useLocale();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (kind === 'lost') {
      const reason = Number(form.get('lossReasonId'));
      if (!reason) {
        setError(t('reasonRequired'));
        return;
      }
      onConfirm({ lossReasonId: reason, lossComment: String(form.get('lossComment') ?? '').trim() || undefined });
      return;
    }
    const amount = String(form.get('amount') ?? '').trim();
    if (!/^\d[\d\s\u00a0]*([.,]\d{1,2})?$/.test(amount)) {
      setError(t('amountInvalid'));
      return;
    }
    onConfirm({ amount });
  }

  return (
    <dialog
      ref={ref}
      onCancel={onCancel}
      aria-labelledby="close-deal-title"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} className="space-y-4 p-5">
        <h2 id="close-deal-title" className="text-lg font-semibold">
          {kind === 'won' ? t('wonTitle') : t('lostTitle')}
        </h2>
        <p className="text-sm text-slate-600">{card.title}</p>
        {kind === 'won' ? (
          <label className="block">
            <span className="text-sm font-medium">{t('finalAmount')}</span>
            <input
              name="amount"
              inputMode="decimal"
              defaultValue={Number(card.amount).toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB', { minimumFractionDigits: 2, useGrouping: false })}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
            />
          </label>
        ) : (
          <>
            <label className="block">
              <span className="text-sm font-medium">{t('reason')}</span>
              <select name="lossReasonId" defaultValue="" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2">
                <option value="">{t('chooseReason')}</option>
                {reasons.map((reason) => (
                  <option key={reason.id} value={reason.id}>
                    {locale === 'ru' ? reason.nameRu : reason.nameEn}
                  </option>
                ))}
              </select>
            </label>
            <label className="block">
              <span className="text-sm font-medium">{t('comment')}</span>
              <textarea name="lossComment" rows={3} maxLength={2000} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
            </label>
          </>
        )}
        {error && (
          <p role="alert" className="text-sm text-rose-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
            {t('cancel')}
          </button>
          <button
            type="submit"
            className={`rounded-md px-4 py-2 text-sm font-semibold text-white ${kind === 'won' ? 'bg-emerald-600' : 'bg-rose-600'}`}
          >
            {kind === 'won' ? t('confirmWon') : t('confirmLost')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
