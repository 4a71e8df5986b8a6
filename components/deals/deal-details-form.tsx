'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useTRPC } from '@/lib/trpc/client';
import { conflictChangesOf, errorCodeOf } from '@/lib/trpc/errors';
import { dealDetailsFields } from '@/server/services/deals/schemas';
import { FormActions } from '@/components/ui/form-actions';

type Values = z.input<typeof dealDetailsFields>;
type Parsed = z.output<typeof dealDetailsFields>;

const input = 'mt-1 block w-full rounded-md border px-3 py-2 text-sm';

interface DealTypeOption { id: number; name: string }

/**
 * Title, amount, expected close date and deal type, validated by the same schema as on the
 * server. Only active deal types are offered; an archived one already on the deal stays shown.
 */
export function DealDetailsForm({
  deal,
  editable,
  dealTypes,
}: {
  deal: { id: number; version: number; title: string; amount: string; expectedCloseDate: string | null; dealTypeId: number | null; dealTypeName: string | null };
  editable: boolean;
  dealTypes: DealTypeOption[];
}) {
  const t = useTranslations('deals.card');
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(dealDetailsFields),
    defaultValues: { title: deal.title, amount: deal.amount, expectedCloseDate: deal.expectedCloseDate, dealTypeId: deal.dealTypeId },
  });
  const update = useMutation(trpc.deals.update.mutationOptions());
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await update.mutateAsync({ id: deal.id, version: deal.version, ...values });
      setMessage({ tone: 'ok', text: t('saved') });
      router.refresh();
    } catch (error) {
      if (errorCodeOf(error) === 'CONFLICT') {
        const who = conflictChangesOf(error)
          .map((change) => `${change.by ?? '—'}: ${change.fields.map((field) => t(`fields.${field}` as never)).join(', ')}`)
          .join('; ');
        setMessage({ tone: 'error', text: t('conflict', { who }) });
      } else {
        setMessage({ tone: 'error', text: t('saveFailed') });
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <fieldset disabled={!editable || form.formState.isSubmitting} className="space-y-3">
        <label className="block">
          <span className="text-sm font-medium">{t('fields.title')}</span>
          <input {...form.register('title')} aria-invalid={Boolean(errors.title)} className={`${input} ${errors.title ? 'border-rose-500' : 'border-slate-300'}`} />
          {errors.title && <span className="text-xs text-rose-700">{t('errors.title')}</span>}
        </label>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block">
            <span className="text-sm font-medium">{t('fields.amount')}</span>
            <input {...form.register('amount')} inputMode="decimal" aria-invalid={Boolean(errors.amount)} className={`${input} ${errors.amount ? 'border-rose-500' : 'border-slate-300'}`} />
            {errors.amount && <span className="text-xs text-rose-700">{t('errors.amount')}</span>}
          </label>
          <label className="block">
            <span className="text-sm font-medium">{t('fields.expectedCloseDate')}</span>
            <input
              type="date"
              {...form.register('expectedCloseDate', { setValueAs: (value: string) => value || null })}
              aria-invalid={Boolean(errors.expectedCloseDate)}
              className={`${input} ${errors.expectedCloseDate ? 'border-rose-500' : 'border-slate-300'}`}
            />
            {errors.expectedCloseDate && <span className="text-xs text-rose-700">{t('errors.expectedCloseDate')}</span>}
          </label>
        </div>
        <label className="block">
          <span className="text-sm font-medium">{t('fields.dealTypeId')}</span>
          <select {...form.register('dealTypeId', { setValueAs: (value: string | number | null) => (value === '' || value === null ? null : Number(value)) })} className={`${input} border-slate-300`}>
            <option value="">{t('noDealType')}</option>
            {deal.dealTypeId !== null && !dealTypes.some((type) => type.id === deal.dealTypeId) && <option value={deal.dealTypeId}>{deal.dealTypeName}</option>}
            {dealTypes.map((type) => <option key={type.id} value={type.id}>{type.name}</option>)}
          </select>
        </label>
      </fieldset>
      <FormActions message={message} editable={editable} submitting={form.formState.isSubmitting} label={t('save')} />
    </form>
  );
}
