'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatDate, formatMoney } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import { button, primaryButton, type ProposalVersionView } from './document-types';
import { DocumentStatus } from './document-status';

/** One version of an offer: status, totals, lines, and — on the latest one — what can be done next. */
export function ProposalVersionCard({
  dealId,
  number,
  version,
  isLatest,
  editable,
  onEdit,
}: {
  dealId: number;
  number: number;
  version: ProposalVersionView;
  isLatest: boolean;
  editable: boolean;
  onEdit: () => void;
}) {
  const t = useTranslations('proposals');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [setAmount, setSetAmount] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Buttons stay disabled until the refreshed card arrives, so nothing is sent with a stale version.
  const [refreshing, startRefresh] = useTransition();
  const send = useMutation(trpc.proposals.send.mutationOptions());
  const accept = useMutation(trpc.proposals.accept.mutationOptions());
  const reject = useMutation(trpc.proposals.reject.mutationOptions());
  const next = useMutation(trpc.proposals.newVersion.mutationOptions());
  const busy = refreshing || send.isPending || accept.isPending || reject.isPending || next.isPending;
  const money = (amount: string) => formatMoney(amount, version.currency, locale);
  const ref = { versionId: version.id, version: version.version };

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      startRefresh(() => router.refresh());
    } catch (e) {
      setError(errorCodeOf(e) === 'CONFLICT' ? t('conflict') : t('actionFailed'));
    }
  };

  return (
    <li className="rounded-lg border border-slate-200 p-3" data-testid={`offer-version-${number}-${version.versionNo}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">{t('versionTitle', { number, version: version.versionNo })}</span>
        <DocumentStatus kind="proposal" status={version.status} />
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {t('totalLine', { total: money(version.total), vat: money(version.vatTotal) })}
        {version.sentAt && ` · ${t('sentOn', { date: formatDate(version.sentAt, locale) })}`}
        {version.validUntil && ` · ${t('validUntil', { date: formatDate(version.validUntil, locale) })}`}
      </p>
      <details className="mt-2 text-sm" open={isLatest}>
        <summary className="cursor-pointer text-brand-700">{t('lines', { count: version.items.length })}</summary>
        <ul className="mt-2 divide-y divide-slate-100">
          {version.items.map((item) => (
            <li key={item.id} className="flex flex-wrap justify-between gap-x-3 py-1.5">
              <span className="min-w-0 break-words">{item.name}</span>
              <span className="text-slate-600">
                {t('lineFigures', { quantity: Number(item.quantity), unit: item.unit, price: money(item.price), discount: Number(item.discountPct), vat: Number(item.vatRate) })}
                {' = '}
                <span className="font-medium text-slate-900">{money(item.lineTotal)}</span>
              </span>
            </li>
          ))}
        </ul>
        {version.notes && <p className="mt-1 text-slate-600">{version.notes}</p>}
      </details>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Link className={button} href={`/deals/${dealId}/offers/${version.id}?lang=ru`}>{t('printRu')}</Link>
        <Link className={button} href={`/deals/${dealId}/offers/${version.id}?lang=en`}>{t('printEn')}</Link>
        {editable && isLatest && version.status === 'draft' && (
          <>
            <button type="button" className={button} disabled={busy} onClick={onEdit}>{t('edit')}</button>
            <button type="button" className={primaryButton} disabled={busy} onClick={() => run(() => send.mutateAsync(ref))}>{t('send')}</button>
          </>
        )}
        {editable && isLatest && version.status === 'sent' && (
          <>
            <label className="flex items-center gap-1 text-sm">
              <input type="checkbox" checked={setAmount} onChange={(e) => setSetAmount(e.target.checked)} />
              {t('setDealAmount')}
            </label>
            <button type="button" className={primaryButton} disabled={busy} onClick={() => run(() => accept.mutateAsync({ ...ref, setDealAmount: setAmount }))}>{t('accept')}</button>
            <button type="button" className={button} disabled={busy} onClick={() => run(() => reject.mutateAsync(ref))}>{t('reject')}</button>
          </>
        )}
        {editable && isLatest && (
          <button type="button" className={button} disabled={busy} onClick={() => run(() => next.mutateAsync(ref))}>{t('newVersion')}</button>
        )}
      </div>
      {error && <p role="alert" className="mt-2 text-sm text-rose-700">{error}</p>}
    </li>
  );
}
