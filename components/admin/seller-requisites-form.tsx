'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf, failedFieldOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';

type Settings = RouterOutputs['organisation']['settings'];

/** The requisites in the order a Russian invoice prints them; the address and bank name take a whole row. */
const FIELDS = ['inn', 'kpp', 'ogrn', 'legalAddress', 'bankName', 'bankBik', 'bankAccount', 'bankCorrAccount', 'phone', 'email'] as const;
type Field = (typeof FIELDS)[number];
const WIDE: readonly Field[] = ['legalAddress', 'bankName'];
const NUMERIC: readonly Field[] = ['inn', 'kpp', 'ogrn', 'bankBik', 'bankAccount', 'bankCorrAccount'];

const input = 'w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const invalidInput = input.replace('border-slate-300', 'border-rose-500');

type Draft = Record<Field, string>;
const draftOf = (s: Settings): Draft => Object.fromEntries(FIELDS.map((field) => [field, s[field] ?? ''])) as Draft;

/**
 * Admin: the seller's requisites printed on commercial offers and invoices. Saved through the
 * organisation settings (same version, same audit row); a blank field prints nothing. The server
 * checks the formats and names the field it refuses.
 */
export function SellerRequisitesForm() {
  const t = useTranslations('admin.organisation');
  const r = useTranslations('admin.organisation.requisites');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.organisation.settings.queryOptions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; field?: Field } | null>(null);
  const update = useMutation(
    trpc.organisation.updateSettings.mutationOptions({
      onSuccess: async () => {
        setMessage({ ok: true, text: t('saved') });
        setDraft(null);
        await queryClient.invalidateQueries({ queryKey: trpc.organisation.settings.queryKey() });
      },
      onError: (error) => {
        const field = failedFieldOf(error) as Field | undefined;
        if (errorCodeOf(error) === 'CONFLICT') {
          setMessage({ ok: false, text: t('conflict') });
          setDraft(null);
          void queryClient.invalidateQueries({ queryKey: trpc.organisation.settings.queryKey() });
        } else {
          setMessage({ ok: false, text: field && FIELDS.includes(field) ? r('invalid', { field: r(field) }) : t('failed'), field });
        }
      },
    }),
  );
  if (!data) return null;
  const value = draft ?? draftOf(data);
  const changed = JSON.stringify(value) !== JSON.stringify(draftOf(data));
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ version: data!.version, ...value });
  }
  return (
    <form onSubmit={save} className="mt-6 grid max-w-2xl gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="seller-requisites">
      <div className="sm:col-span-2">
        <h2 className="text-base font-semibold">{r('title')}</h2>
        <p className="text-sm text-slate-600">{r('description')}</p>
      </div>
      {FIELDS.map((field) => (
        <label key={field} className={`grid content-start gap-1 text-sm font-medium text-slate-700 ${WIDE.includes(field) ? 'sm:col-span-2' : ''}`}>
          {r(field)}
          <input
            name={field}
            value={value[field]}
            onChange={(e) => {
              setDraft({ ...value, [field]: e.target.value });
              setMessage(null);
            }}
            inputMode={NUMERIC.includes(field) ? 'numeric' : field === 'email' ? 'email' : field === 'phone' ? 'tel' : undefined}
            aria-invalid={message?.field === field}
            className={message?.field === field ? invalidInput : input}
          />
        </label>
      ))}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={!changed || update.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
          {t('save')}
        </button>
        <p role="status" className={`text-sm ${message?.ok ? 'text-emerald-700' : 'text-rose-700'}`}>{message?.text}</p>
      </div>
    </form>
  );
}
