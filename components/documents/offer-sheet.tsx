import type { inferRouterOutputs } from '@trpc/server';
import { documentTranslator } from './document-translator';
import { formatDate, formatMoney } from '@/lib/format';
import type { AppRouter } from '@/server/trpc/root';
import { PartyBlock } from './print-frame';
import { sellerRows } from './seller-rows';

type Offer = inferRouterOutputs<AppRouter>['proposals']['document'];

/** The offer itself, in the document's language (not necessarily the viewer's). */
export async function OfferSheet({ offer, lang }: { offer: Offer; lang: 'ru' | 'en' }) {
  const t = await documentTranslator(lang, 'proposals.sheet');
  const v = offer.version;
  const money = (amount: string) => formatMoney(amount, v.currency, lang);
  const num = (value: string) => new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 3 }).format(Number(value));
  const contact = [offer.contactLastName, offer.contactFirstName, offer.contactMiddleName].filter(Boolean).join(' ');
  const columns = ['no', 'item', 'quantity', 'price', 'discount', 'vat', 'total'] as const;
  return (
    <div lang={lang} className="space-y-6" data-testid="offer-sheet">
      <header className="space-y-1">
        <p className="text-slate-500">{offer.organisation.name}</p>
        <h1 className="text-xl font-semibold">{t('heading', { number: offer.number, version: v.versionNo })}</h1>
        <p className="text-slate-600">
          {t('dated', { date: formatDate(v.sentAt ?? v.createdAt, lang, offer.organisation.timeZone) })}
          {v.validUntil && ` · ${t('validUntil', { date: formatDate(v.validUntil, lang) })}`}
        </p>
        <p className="font-medium">{offer.title}</p>
      </header>
      <div className="grid gap-4 sm:grid-cols-2">
        <PartyBlock title={t('seller')} rows={[...sellerRows(offer.organisation, (key) => t(`requisites.${key}`)), [t('manager'), offer.ownerName], [t('managerEmail'), offer.ownerEmail]]} />
        <PartyBlock title={t('buyer')} rows={[[t('name'), offer.companyName], [t('inn'), offer.companyInn], [t('address'), offer.companyAddress], [t('contact'), contact]]} />
      </div>
      {/* A table on paper and wide screens; stacked lines on a phone (no sideways scroll). */}
      <table className="hidden w-full border-collapse sm:table">
        <thead>
          <tr className="border-b border-slate-300 text-left text-xs text-slate-500">
            {columns.map((c) => (
              <th key={c} className={`py-1 pr-2 font-medium ${c === 'item' ? '' : 'text-right'}`}>{t(`columns.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {offer.items.map((item, i) => (
            <tr key={item.id} className="border-b border-slate-100 align-top">
              <td className="py-1 pr-2 text-right">{i + 1}</td>
              <td className="py-1 pr-2">{item.name}</td>
              <td className="py-1 pr-2 text-right whitespace-nowrap">{num(item.quantity)} {item.unit}</td>
              <td className="py-1 pr-2 text-right whitespace-nowrap">{money(item.price)}</td>
              <td className="py-1 pr-2 text-right">{num(item.discountPct)}%</td>
              <td className="py-1 pr-2 text-right">{num(item.vatRate)}%</td>
              <td className="py-1 text-right whitespace-nowrap">{money(item.lineTotal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ol className="space-y-2 sm:hidden">
        {offer.items.map((item, i) => (
          <li key={item.id} className="border-b border-slate-100 pb-2">
            <p className="font-medium">{i + 1}. {item.name}</p>
            <p className="text-slate-600">
              {num(item.quantity)} {item.unit} × {money(item.price)} · {t('columns.discount')} {num(item.discountPct)}% · {t('columns.vat')} {num(item.vatRate)}%
            </p>
            <p className="text-right font-medium">{money(item.lineTotal)}</p>
          </li>
        ))}
      </ol>
      <dl className="ml-auto grid max-w-xs grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        <dt>{t('subtotal')}</dt>
        <dd className="text-right">{money(v.subtotal)}</dd>
        <dt>{t('discount')}</dt>
        <dd className="text-right">−{money(v.discountTotal)}</dd>
        <dt>{t('vatTotal')}</dt>
        <dd className="text-right">{money(v.vatTotal)}</dd>
        <dt className="font-semibold">{t('total')}</dt>
        <dd className="text-right font-semibold" data-testid="offer-total">{money(v.total)}</dd>
      </dl>
      {v.notes && <p className="whitespace-pre-wrap text-slate-700">{v.notes}</p>}
    </div>
  );
}
