'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { TRPCClientError } from '@trpc/client';
import { useTRPC } from '@/lib/trpc/client';
import { button, field, primaryButton } from './document-types';

/** Records a payment (partial or the whole debt); the server refuses more than is owed. */
export function PaymentForm({ invoiceId, debt, onClose }: { invoiceId: number; debt: string; onClose: () => void }) {
  const t = useTranslations('invoices.payment');
  const trpc = useTRPC();
  const router = useRouter();
  const [amount, setAmount] = useState(debt);
  const [method, setMethod] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pay = useMutation(trpc.invoices.addPayment.mutationOptions());

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await pay.mutateAsync({ invoiceId, amount, method: method || null });
      router.refresh();
      onClose();
    } catch (e) {
      const owed = e instanceof TRPCClientError ? (e.data as { details?: { debt?: string } | null } | undefined)?.details?.debt : undefined;
      setError(owed ? t('overpayment', { debt: owed }) : t('failed'));
    }
  };

  return (
    <form onSubmit={submit} noValidate className="mt-2 space-y-2" aria-label={t('title')}>
      <div className="grid grid-cols-2 gap-2">
        <label className="block text-xs font-medium">
          {t('amount')}
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" className={field} />
        </label>
        <label className="block text-xs font-medium">
          {t('method')}
          <input value={method} onChange={(e) => setMethod(e.target.value)} className={field} />
        </label>
      </div>
      {error && <p role="alert" className="text-sm text-rose-700">{error}</p>}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pay.isPending} className={primaryButton}>{t('record')}</button>
        <button type="button" onClick={onClose} className={button}>{t('cancel')}</button>
      </div>
    </form>
  );
}
