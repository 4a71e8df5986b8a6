import type { inferRouterOutputs } from '@trpc/server';
import { documentTranslator } from './document-translator';
import { formatDate, formatMoney } from '@/lib/format';
import type { AppRouter } from '@/server/trpc/root';
import { PartyBlock } from './print-frame';
import { sellerRows } from './seller-rows';

type Invoice = inferRouterOutputs<AppRouter>['invoices']['document'];

/** An invoice with what was paid and what is owed, in the document's language. */
export async function InvoiceSheet({ invoice, lang }: { invoice: Invoice; lang: 'ru' | 'en' }) {
  const t = await documentTranslator(lang, 'invoices.sheet');
  const money = (amount: string) => formatMoney(amount, invoice.currency, lang);
  const contact = [invoice.contactLastName, invoice.contactFirstName].filter(Boolean).join(' ');
  const purpose =
    invoice.proposalNumber !== null
      ? t('purposeOffer', { number: invoice.proposalNumber, version: invoice.proposalVersionNo ?? 1 })
      : t('purposeDeal', { title: invoice.dealTitle ?? '—' });
  return (
    <div lang={lang} className="space-y-6" data-testid="invoice-sheet">
      <header className="space-y-1">
        <p className="text-slate-500">{invoice.organisation.name}</p>
        <h1 className="text-xl font-semibold">{t('heading', { number: invoice.number, date: formatDate(invoice.issueDate, lang) })}</h1>
        <p className="text-slate-600">{t('due', { date: formatDate(invoice.dueDate, lang) })}</p>
      </header>
      <div className="grid gap-4 sm:grid-cols-2">
        <PartyBlock title={t('seller')} rows={[...sellerRows(invoice.organisation, (key) => t(`requisites.${key}`)), [t('manager'), invoice.ownerName], [t('managerEmail'), invoice.ownerEmail]]} />
        <PartyBlock title={t('buyer')} rows={[[t('name'), invoice.companyName], [t('inn'), invoice.companyInn], [t('address'), invoice.companyAddress], [t('contact'), contact]]} />
      </div>
      <div className="flex flex-wrap justify-between gap-2 border-y border-slate-200 py-2">
        <span className="min-w-0 break-words">{purpose}</span>
        <span className="font-semibold">{money(invoice.total)}</span>
      </div>
      <p className="text-slate-600">{invoice.vatTotal !== null ? t('vatAmount', { vat: money(invoice.vatTotal) }) : t('vatIncluded')}</p>
      <dl className="ml-auto grid max-w-xs grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        <dt>{t('total')}</dt>
        <dd className="text-right">{money(invoice.total)}</dd>
        <dt>{t('paid')}</dt>
        <dd className="text-right">{money(invoice.paidAmount)}</dd>
        <dt className="font-semibold">{t('debt')}</dt>
        <dd className="text-right font-semibold" data-testid="invoice-debt">{money(invoice.debt)}</dd>
      </dl>
      {invoice.payments.length > 0 && (
        <section>
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t('payments')}</h2>
          <ul className="mt-1 space-y-0.5">
            {invoice.payments.map((p) => (
              <li key={p.id}>{formatDate(p.paidAt, lang, invoice.organisation.timeZone)} — {money(p.amount)}{p.method ? ` (${p.method})` : ''}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
