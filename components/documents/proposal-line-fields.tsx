'use client';

import { useTranslations } from 'next-intl';
import { field, type CatalogueProduct } from './document-types';

export interface LineDraft {
  productId: number | null;
  name: string;
  unit: string;
  quantity: string;
  price: string;
  discountPct: string;
  vatRate: string;
}

export const emptyLine = (): LineDraft => ({ productId: null, name: '', unit: 'шт', quantity: '1', price: '', discountPct: '0', vatRate: '20' });

/** One line of an offer: a catalogue product (fills name, unit, price, VAT) or free text. */
export function ProposalLineFields({
  line,
  index,
  products,
  invalid,
  onChange,
  onRemove,
}: {
  line: LineDraft;
  index: number;
  products: CatalogueProduct[];
  invalid: Set<string>;
  onChange: (line: LineDraft) => void;
  onRemove: (() => void) | null;
}) {
  const t = useTranslations('proposals.editor');
  const set = (key: keyof LineDraft) => (event: React.ChangeEvent<HTMLInputElement>) => onChange({ ...line, [key]: event.target.value });
  const cls = (key: string) => `${field} ${invalid.has(key) ? 'border-rose-500' : ''}`;
  const pick = (event: React.ChangeEvent<HTMLSelectElement>) => {
    const product = products.find((p) => p.id === Number(event.target.value));
    onChange(product ? { ...line, productId: product.id, name: product.name, unit: product.unit, price: product.price, vatRate: product.vatRate } : { ...line, productId: null });
  };
  // An archived product already on the line stays selectable as itself.
  const known = line.productId === null || products.some((p) => p.id === line.productId);
  return (
    <fieldset className="rounded-lg border border-slate-200 p-3" data-testid="offer-line">
      <legend className="px-1 text-xs font-medium text-slate-500">{t('line', { n: index + 1 })}</legend>
      <label className="block text-xs font-medium">
        {t('product')}
        <select value={line.productId ?? ''} onChange={pick} className={field}>
          <option value="">{t('freeText')}</option>
          {!known && <option value={line.productId!}>{line.name}</option>}
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="mt-2 block text-xs font-medium">
        {t('name')}
        <input value={line.name} onChange={set('name')} aria-invalid={invalid.has('name')} className={cls('name')} />
      </label>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5">
        {(['quantity', 'unit', 'price', 'discountPct', 'vatRate'] as const).map((key) => (
          <label key={key} className="block text-xs font-medium">
            {t(key)}
            <input value={line[key]} onChange={set(key)} inputMode={key === 'unit' ? 'text' : 'decimal'} aria-invalid={invalid.has(key)} className={cls(key)} />
          </label>
        ))}
      </div>
      {onRemove && (
        <button type="button" onClick={onRemove} className="mt-2 text-xs text-rose-700 hover:underline">
          {t('removeLine')}
        </button>
      )}
    </fieldset>
  );
}
