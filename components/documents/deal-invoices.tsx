'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { formatDate, formatMoney } from '@/lib/format';
import { button, type DealInvoices } from './document-types';
import { CancelInvoiceButton } from './cancel-invoice-button';
import { DocumentStatus } from './document-status';
import { InvoiceCreateForm } from './invoice-create-form';
import { PaymentForm } from './payment-form';

/**
 * The deal card's invoices: the figures that must agree (deal amount, invoiced, paid, debt) with
 * a warning when invoices claim more than the deal is worth, each invoice with its payments.
 */
export function DealInvoicesPanel({
  dealId,
  data,
  acceptedOffers,
  editable,
}: {
  dealId: number;
  data: DealInvoices;
  acceptedOffers: { versionId: number; label: string }[];
  editable: boolean;
}) {
  const t = useTranslations('invoices');
  const locale = useLocale();
  const [creating, setCreating] = useState(false);
  const [paying, setPaying] = useState<number | null>(null);
  const money = (amount: string) => formatMoney(amount, data.currency, locale);
  return (
    <div className="space-y-3" data-testid="deal-invoices">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        {(['dealAmount', 'invoiced', 'paid', 'debt'] as const).map((key) => (
          <div key={key}>
            <dt className="text-slate-500">{t(`summary.${key}`)}</dt>
            <dd className="font-medium" data-testid={`invoices-${key}`}>{money(data[key])}</dd>
          </div>
        ))}
      </dl>
      {data.mismatch && <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('mismatch')}</p>}
      {data.invoices.length === 0 && <p className="text-sm text-slate-500">{t('none')}</p>}
      <ul className="space-y-2">
        {data.invoices.map((invoice) => {
          const overdue = invoice.status === 'issued' && invoice.dueDate < data.today && Number(invoice.debt) > 0;
          return (
            <li key={invoice.id} className="rounded-lg border border-slate-200 p-3" data-testid={`invoice-${invoice.number}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/deals/${dealId}/invoices/${invoice.id}`} className="font-medium text-brand-700 hover:underline">{t('number', { number: invoice.number })}</Link>
                <span className="flex gap-1">
                  <DocumentStatus kind="invoice" status={invoice.status} />
                  {overdue && <DocumentStatus kind="invoice" status="overdue" />}
                </span>
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {t('figures', { total: money(invoice.total), paid: money(invoice.paidAmount), debt: money(invoice.debt) })}
                {' · '}
                {t('due', { date: formatDate(invoice.dueDate, locale) })}
                {invoice.proposalNumber !== null && ` · ${t('fromOffer', { number: invoice.proposalNumber, version: invoice.proposalVersionNo ?? 1 })}`}
              </p>
              {invoice.payments.length > 0 && (
                <ul className="mt-1 text-xs text-slate-600">
                  {invoice.payments.map((p) => (
                    <li key={p.id}>{t('paymentLine', { amount: money(p.amount), date: formatDate(p.paidAt, locale) })}{p.method ? ` (${p.method})` : ''}</li>
                  ))}
                </ul>
              )}
              {editable && invoice.status === 'issued' &&
                (paying === invoice.id ? (
                  <PaymentForm invoiceId={invoice.id} debt={invoice.debt} onClose={() => setPaying(null)} />
                ) : (
                  <div className="flex flex-wrap gap-2">
                    <button type="button" className={`${button} mt-2`} onClick={() => setPaying(invoice.id)}>{t('addPayment')}</button>
                    {Number(invoice.paidAmount) === 0 && <CancelInvoiceButton invoiceId={invoice.id} version={invoice.version} />}
                  </div>
                ))}
            </li>
          );
        })}
      </ul>
      {editable &&
        (creating ? (
          <InvoiceCreateForm dealId={dealId} acceptedOffers={acceptedOffers} onClose={() => setCreating(false)} />
        ) : (
          <button type="button" className={button} onClick={() => setCreating(true)}>{t('create.open')}</button>
        ))}
    </div>
  );
}
