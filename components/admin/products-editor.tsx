'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { formatMoney } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf, failedFieldOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';

type Product = RouterOutputs['products']['list'][number];
type Refresh = { onSuccess: () => Promise<void>; onError: (e: unknown) => void };
interface Draft { name: string; nameEn: string; unit: string; price: string; vatRate: string; sku: string }

const input = 'w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const button = 'rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-40';
const FIELDS = ['name', 'nameEn', 'unit', 'price', 'vatRate', 'sku'] as const;

const draftOf = (p: Product): Draft => ({ name: p.name, nameEn: p.nameEn ?? '', unit: p.unit, price: p.price, vatRate: String(Number(p.vatRate)), sku: p.sku ?? '' });

/** Admin: the product catalogue — names in both languages, unit, price, VAT; order and archive. */
export function ProductsEditor() {
  const t = useTranslations('adminReference');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: products = [] } = useQuery(trpc.products.list.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const refresh: Refresh = {
    onSuccess: () => {
      setError(null);
      return queryClient.invalidateQueries({ queryKey: trpc.products.list.queryKey() });
    },
    onError: (e: unknown) => {
      const field = failedFieldOf(e);
      setError(errorCodeOf(e) === 'CONFLICT' ? (field === 'sku' ? t('products.skuTaken') : t('conflict')) : field === 'price' || field === 'vatRate' ? t(`products.errors.${field}`) : t('failed'));
      void queryClient.invalidateQueries({ queryKey: trpc.products.list.queryKey() });
    },
  };
  const reorder = useMutation(trpc.products.reorder.mutationOptions(refresh));
  const active = products.filter((p) => !p.isArchived);
  function move(product: Product, by: -1 | 1) {
    const ids = active.map((p) => p.id);
    const from = ids.indexOf(product.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    reorder.mutate({ ids });
  }
  return (
    <div className="space-y-4">
      <p role="alert" className="min-h-5 text-sm text-rose-700">{error}</p>
      <ol className="space-y-2" data-testid="products">
        {products.map((product) => (
          <ProductRow key={`${product.id}-${product.version}`} product={product} refresh={refresh} position={active.findIndex((p) => p.id === product.id)} activeCount={active.length} onMove={(by) => move(product, by)} moving={reorder.isPending} />
        ))}
        {products.length === 0 && <li className="text-sm text-slate-500">{t('empty')}</li>}
      </ol>
      <NewProductForm refresh={refresh} />
    </div>
  );
}

function ProductFields({ draft, onChange }: { draft: Draft; onChange: (draft: Draft) => void }) {
  const t = useTranslations('adminReference.products');
  return (
    <>
      {FIELDS.map((field) => (
        <label key={field} className={`grid text-xs text-slate-600 ${field === 'name' || field === 'nameEn' ? 'col-span-2' : ''}`}>
          {t(field)}
          <input
            value={draft[field]}
            onChange={(e) => onChange({ ...draft, [field]: e.target.value })}
            required={field !== 'nameEn' && field !== 'sku'}
            inputMode={field === 'price' || field === 'vatRate' ? 'decimal' : undefined}
            maxLength={200}
            className={input}
          />
        </label>
      ))}
    </>
  );
}

function ProductRow({ product, refresh, position, activeCount, onMove, moving }: { product: Product; refresh: Refresh; position: number; activeCount: number; onMove: (by: -1 | 1) => void; moving: boolean }) {
  const t = useTranslations('adminReference');
  const locale = useLocale();
  const trpc = useTRPC();
  const update = useMutation(trpc.products.update.mutationOptions(refresh));
  const archive = useMutation(trpc.products.setArchived.mutationOptions(refresh));
  const [draft, setDraft] = useState(draftOf(product));
  const changed = JSON.stringify(draft) !== JSON.stringify(draftOf(product));
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ id: product.id, version: product.version, ...draft, nameEn: draft.nameEn || null, sku: draft.sku });
  }
  return (
    <li className={`rounded-xl border p-3 ${product.isArchived ? 'border-dashed border-slate-300 bg-slate-50' : 'border-slate-200 bg-white'}`} data-testid="product-row" data-archived={product.isArchived}>
      <form onSubmit={save} className="grid grid-cols-2 items-end gap-2 sm:grid-cols-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_5rem_8rem_5rem_7rem_auto]">
        <ProductFields draft={draft} onChange={setDraft} />
        <button type="submit" disabled={!changed || update.isPending} className={`${button} col-span-2 sm:col-span-1`}>{t('save')}</button>
      </form>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-xs text-slate-500">
        {product.isArchived && <span className="rounded bg-slate-200 px-1.5 py-0.5 font-medium text-slate-700">{t('archived')}</span>}
        <span>{t('products.priceLine', { price: formatMoney(product.price, product.currency, locale), unit: product.unit, vat: Number(product.vatRate) })}</span>
        <span>{t('products.usage', { count: product.usageCount })}</span>
        <span className="ml-auto flex gap-1.5">
          {!product.isArchived && (
            <>
              <button type="button" disabled={moving || position <= 0} onClick={() => onMove(-1)} aria-label={t('moveUp')} className={button}>↑</button>
              <button type="button" disabled={moving || position >= activeCount - 1} onClick={() => onMove(1)} aria-label={t('moveDown')} className={button}>↓</button>
            </>
          )}
          <button type="button" disabled={archive.isPending} onClick={() => archive.mutate({ id: product.id, version: product.version, archived: !product.isArchived })} className={button}>
            {product.isArchived ? t('unarchive') : t('archive')}
          </button>
        </span>
      </div>
    </li>
  );
}

function NewProductForm({ refresh }: { refresh: Refresh }) {
  const t = useTranslations('adminReference');
  const trpc = useTRPC();
  const create = useMutation(trpc.products.create.mutationOptions(refresh));
  const empty: Draft = { name: '', nameEn: '', unit: '', price: '', vatRate: '20', sku: '' };
  const [draft, setDraft] = useState(empty);
  const ready = draft.name.trim() && draft.unit.trim() && draft.price.trim();
  return (
    <form
      className="grid grid-cols-2 items-end gap-2 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_5rem_8rem_5rem_7rem_auto]"
      data-testid="new-product"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) create.mutate({ ...draft, nameEn: draft.nameEn || null }, { onSuccess: () => setDraft(empty) });
      }}
    >
      <ProductFields draft={draft} onChange={setDraft} />
      <button type="submit" disabled={!ready || create.isPending} className="col-span-2 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50 sm:col-span-1">{t('products.add')}</button>
    </form>
  );
}
