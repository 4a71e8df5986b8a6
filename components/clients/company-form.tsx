'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useTRPC } from '@/lib/trpc/client';
import { companyFields } from './form-schemas';
import { FormActions } from '@/components/ui/form-actions';
import { ChannelFields } from './channel-fields';
import { FormField } from './form-field';
import { useClientFormSubmit } from './use-client-form-submit';

type Values = z.input<typeof companyFields>;
type Parsed = z.output<typeof companyFields>;

const TEXT_FIELDS = ['industry', 'region', 'address', 'website', 'segment'] as const;

/** Create or edit a company; INN, phones and e-mails are checked as you type by the server's schema. */
export function CompanyForm({ company, editable }: { company?: Parsed & { id: number; version: number }; editable: boolean }) {
  const t = useTranslations('clients.form');
  const trpc = useTRPC();
  const create = useMutation(trpc.companies.create.mutationOptions());
  const update = useMutation(trpc.companies.update.mutationOptions());
  const { save, message } = useClientFormSubmit('companies');
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(companyFields),
    mode: 'onBlur',
    defaultValues: company ?? { name: '', phones: [], emails: [] },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit((values) =>
    save(() => (company ? update.mutateAsync({ id: company.id, version: company.version, ...values }) : create.mutateAsync(values)), !company),
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <fieldset disabled={!editable || form.formState.isSubmitting} className="space-y-3">
        <FormField label={t('fields.name')} {...form.register('name')} error={errors.name && t('errors.name')} />
        <FormField label={t('fields.inn')} inputMode="numeric" {...form.register('inn')} error={errors.inn && t('errors.inn')} />
        <div className="grid gap-3 sm:grid-cols-2">
          {TEXT_FIELDS.map((field) => (
            <FormField key={field} label={t(`fields.${field}`)} {...form.register(field)} error={errors[field] && t('errors.tooLong')} />
          ))}
        </div>
        <ChannelFields control={form.control} />
        <label className="block">
          <span className="text-sm font-medium">{t('fields.notes')}</span>
          <textarea {...form.register('notes')} rows={3} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
      </fieldset>
      <FormActions message={message} editable={editable} submitting={form.formState.isSubmitting} label={company ? t('save') : t('create')} />
    </form>
  );
}
