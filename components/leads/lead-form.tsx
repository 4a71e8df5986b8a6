'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useTRPC } from '@/lib/trpc/client';
import { createLeadInput } from '@/server/services/leads/create-lead-schema';
import { FormField } from '@/components/clients/form-field';
import { serviceErrorField } from './service-error-field';

type Values = z.input<typeof createLeadInput>;
type Parsed = z.output<typeof createLeadInput>;

const control = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm';

/**
 * A lead entered by hand. The server normalises the phone and looks for duplicates; the new
 * lead's card opens next and flags any it found. A head may hand the lead to a team member.
 */
export function LeadForm({
  sources,
  owners,
  selfId,
}: {
  sources: { id: number; nameRu: string; nameEn: string }[];
  /** People the lead may be given to; empty when the actor may only create their own. */
  owners: { id: number; name: string }[];
  selfId: number;
}) {
  const t = useTranslations('leadForm');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values, unknown, Parsed>({ resolver: zodResolver(createLeadInput), mode: 'onBlur', defaultValues: { ownerId: undefined } });
  const create = useMutation(trpc.leads.create.mutationOptions());
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const created = await create.mutateAsync(values);
      router.push(`/leads/${created.id}?created=1`);
    } catch (error) {
      const field = serviceErrorField(error);
      if (field === 'phone' || field === 'email' || field === 'ownerId' || field === 'sourceId') {
        form.setError(field, { message: 'server' });
        setFailure(t('checkFields'));
      } else setFailure(t('failed'));
    }
  });

  const phoneError = errors.phone && (errors.phone.message === 'server' ? t('errors.phone') : form.getValues('phone') ? t('errors.phone') : t('errors.atLeastOne'));
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="lead-form">
      <fieldset disabled={form.formState.isSubmitting} className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label={t('fields.personName')} {...form.register('personName')} autoComplete="off" autoFocus />
          <FormField label={t('fields.companyName')} {...form.register('companyName')} autoComplete="off" />
          <FormField label={t('fields.phone')} type="tel" inputMode="tel" placeholder="+7 912 345-67-89" {...form.register('phone')} error={phoneError} />
          <FormField label={t('fields.email')} type="email" {...form.register('email', { setValueAs: (value: string | undefined) => value?.trim() || null })} error={errors.email && t('errors.email')} />
        </div>
        <FormField label={t('fields.title')} placeholder={t('titleHint')} {...form.register('title')} error={errors.title && t('errors.title')} />
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block">
            <span className="text-sm font-medium">{t('fields.sourceId')}</span>
            <select {...form.register('sourceId', { setValueAs: (value: string) => (value ? Number(value) : null) })} className={control}>
              <option value="">{t('noSource')}</option>
              {sources.map((source) => <option key={source.id} value={source.id}>{locale === 'ru' ? source.nameRu : source.nameEn}</option>)}
            </select>
          </label>
          {owners.length > 1 && (
            <label className="block">
              <span className="text-sm font-medium">{t('fields.ownerId')}</span>
              <select {...form.register('ownerId', { setValueAs: (value: string) => (value ? Number(value) : undefined) })} className={control}>
                <option value="">{t('ownerSelf')}</option>
                {owners.filter((owner) => owner.id !== selfId).map((owner) => <option key={owner.id} value={owner.id}>{owner.name}</option>)}
              </select>
              {errors.ownerId && <span className="text-xs text-rose-700">{t('errors.ownerId')}</span>}
            </label>
          )}
        </div>
        <label className="block">
          <span className="text-sm font-medium">{t('fields.comment')}</span>
          <textarea {...form.register('comment')} rows={3} className={control} />
        </label>
      </fieldset>
      {failure && <p role="alert" className="text-sm text-rose-700">{failure}</p>}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={form.formState.isSubmitting} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">{t('create')}</button>
        <Link href="/leads" className="rounded-md border border-slate-300 px-4 py-2 text-sm">{t('cancel')}</Link>
      </div>
    </form>
  );
}
