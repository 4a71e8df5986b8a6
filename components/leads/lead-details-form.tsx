'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useTRPC } from '@/lib/trpc/client';
import { conflictChangesOf, errorCodeOf } from '@/lib/trpc/errors';
import { leadEditFields } from '@/server/services/leads/lead-edit-schemas';
import { FormField } from '@/components/clients/form-field';
import { FormActions } from '@/components/ui/form-actions';
import { serviceErrorField } from './service-error-field';

type Values = z.input<typeof leadEditFields>;
type Parsed = z.output<typeof leadEditFields>;
type Source = { id: number; nameRu: string; nameEn: string };

const control = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm';

/**
 * The lead's details, validated by the server's own schema. Saving names the version the user
 * saw; if someone saved first, the message says who changed what.
 */
export function LeadDetailsForm({
  lead,
  sources,
  editable,
}: {
  lead: Parsed & { id: number; version: number };
  sources: Source[];
  editable: boolean;
}) {
  const t = useTranslations('leadCard');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const { id, version, ...defaults } = lead;
  const form = useForm<Values, unknown, Parsed>({ resolver: zodResolver(leadEditFields), mode: 'onBlur', defaultValues: { ...defaults, sourceId: defaults.sourceId ?? undefined } });
  const update = useMutation(trpc.leads.update.mutationOptions());
  const errors = form.formState.errors;
  const fieldName = (field: string) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : field);

  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await update.mutateAsync({ id, version, ...values });
      setMessage({ tone: 'ok', text: t('saved') });
      router.refresh();
    } catch (error) {
      const field = serviceErrorField(error);
      if (errorCodeOf(error) === 'CONFLICT') {
        const who = conflictChangesOf(error)
          .map((change) => `${change.by ?? t('system')}: ${change.fields.map(fieldName).join(', ')}`)
          .join('; ');
        setMessage({ tone: 'error', text: t('conflict', { who: who || '—' }) });
      } else if (field === 'phone' || field === 'sourceId') {
        form.setError(field, { message: field });
        setMessage({ tone: 'error', text: t('checkFields') });
      } else {
        setMessage({ tone: 'error', text: t('saveFailed') });
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="lead-details-form">
      <fieldset disabled={!editable || form.formState.isSubmitting} className="space-y-3">
        <FormField label={t('fields.title')} {...form.register('title')} error={errors.title && t('errors.title')} />
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label={t('fields.personName')} {...form.register('personName')} autoComplete="off" />
          <FormField label={t('fields.companyName')} {...form.register('companyName')} autoComplete="off" />
          <FormField label={t('fields.phone')} type="tel" inputMode="tel" {...form.register('phone')} error={errors.phone && (errors.phone.message === 'phone' ? t('errors.phone') : t('errors.atLeastOne'))} />
          <FormField label={t('fields.email')} type="email" {...form.register('email')} error={errors.email && t('errors.email')} />
        </div>
        <label className="block">
          <span className="text-sm font-medium">{t('fields.sourceId')}</span>
          <select {...form.register('sourceId', { setValueAs: (value: string | number | null) => (value === '' || value === null ? null : Number(value)) })} className={control}>
            <option value="">{t('noSource')}</option>
            {sources.map((source) => <option key={source.id} value={source.id}>{locale === 'ru' ? source.nameRu : source.nameEn}</option>)}
          </select>
          {errors.sourceId && <span className="text-xs text-rose-700">{t('errors.sourceId')}</span>}
        </label>
        <label className="block">
          <span className="text-sm font-medium">{t('fields.comment')}</span>
          <textarea {...form.register('comment')} rows={3} className={control} />
        </label>
      </fieldset>
      <FormActions message={message} editable={editable} submitting={form.formState.isSubmitting} label={t('save')} />
    </form>
  );
}
