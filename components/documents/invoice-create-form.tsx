'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import { TRPCClientError } from '@trpc/client';
import { button, field, primaryButton } from './document-types';

/** What the server's refusal says about the deal amount, so the user can confirm knowingly. */
function aboveDealAmount(error: unknown) {
  if (!(error instanceof TRPCClientError)) return false;
  const details = (error.data as { details?: { dealAmount?: string } | null } | undefined)?.details;
  return Boolean(details?.dealAmount);
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Issues an invoice from an accepted offer version or for a typed amount, due on a date. */
export function InvoiceCreateForm({ dealId, acceptedOffers, onClose }: { dealId: number; acceptedOffers: { versionId: number; label: string }[]; onClose: () => void }) {
  const t = useTranslations('invoices.create');
  const trpc = useTRPC();
  const router = useRouter();
  const [source, setSource] = useState(acceptedOffers.length > 0 ? String(acceptedOffers[0]!.versionId) : 'manual');
  const [total, setTotal] = useState('');
  const [dueDate, setDueDate] = useState(inDays(10));
  const [confirmAbove, setConfirmAbove] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.invoices.create.mutationOptions());

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const common = { dueDate, allowAboveDealAmount: confirmAbove };
    try {
      await create.mutateAsync(source === 'manual' ? { source: 'manual', dealId, total, ...common } : { source: 'proposal', versionId: Number(source), ...common });
      router.refresh();
      onClose();
    } catch (e) {
      if (aboveDealAmount(e)) {
        setConfirmAbove(true);
        setError(t('aboveDealAmount'));
      } else setError(errorCodeOf(e) === 'CONFLICT' ? t('alreadyInvoiced') : t('failed'));
    }
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-2 rounded-lg border border-brand-200 bg-brand-50/30 p-3" aria-label={t('title')}>
      <label className="block text-sm font-medium">
        {t('source')}
        <select value={source} onChange={(e) => setSource(e.target.value)} className={field}>
          {acceptedOffers.map((o) => (
            <option key={o.versionId} value={o.versionId}>{o.label}</option>
          ))}
          <option value="manual">{t('manual')}</option>
        </select>
      </label>
      <div className="grid grid-cols-2 gap-2">
        {source === 'manual' && (
          <label className="block text-sm font-medium">
            {t('total')}
            <input value={total} onChange={(e) => setTotal(e.target.value)} inputMode="decimal" className={field} />
          </label>
        )}
        <label className="block text-sm font-medium">
          {t('dueDate')}
          <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} className={field} />
        </label>
      </div>
      {error && <p role="alert" className="text-sm text-rose-700">{error}</p>}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={create.isPending} className={primaryButton}>{confirmAbove ? t('issueAnyway') : t('issue')}</button>
        <button type="button" onClick={onClose} className={button}>{t('cancel')}</button>
      </div>
    </form>
  );
}
