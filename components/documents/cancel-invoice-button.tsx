'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { button } from './document-types';

/** Cancels an unpaid invoice after a confirmation; its number stays taken (no gaps, no reuse). */
export function CancelInvoiceButton({ invoiceId, version }: { invoiceId: number; version: number }) {
  const t = useTranslations('invoices.cancel');
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const cancel = useMutation(trpc.invoices.cancel.mutationOptions());
  const run = async () => {
    if (!window.confirm(t('confirm'))) return;
    setError(null);
    try {
      await cancel.mutateAsync({ invoiceId, version });
      startRefresh(() => router.refresh());
    } catch {
      setError(t('failed'));
    }
  };
  return (
    <>
      <button type="button" className={`${button} mt-2`} disabled={cancel.isPending || refreshing} onClick={run}>{t('button')}</button>
      {error && <p role="alert" className="mt-1 text-sm text-rose-700">{error}</p>}
    </>
  );
}
