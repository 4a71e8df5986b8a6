'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useDeferredValue, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useTRPC } from '@/lib/trpc/client';
import { contactFields } from './form-schemas';
import { FormActions } from '@/components/ui/form-actions';
import { ChannelFields } from './channel-fields';
import { FormField } from './form-field';
import { useClientFormSubmit } from './use-client-form-submit';

type Values = z.input<typeof contactFields>;
type Parsed = z.output<typeof contactFields>;

/** Create or edit a contact (ФИО, position, phones, e-mails, birthday, company). */
export function ContactForm({
  contact,
  companyName,
  editable,
}: {
  contact?: Parsed & { id: number; version: number };
  companyName?: string | null;
  editable: boolean;
}) {
  const t = useTranslations('clients.form');
  const trpc = useTRPC();
  const create = useMutation(trpc.contacts.create.mutationOptions());
  const update = useMutation(trpc.contacts.update.mutationOptions());
  const { save, message } = useClientFormSubmit('contacts');
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(contactFields),
    mode: 'onBlur',
    defaultValues: contact ?? { lastName: '', phones: [], emails: [], companyId: null },
  });
  const [companySearch, setCompanySearch] = useState(companyName ?? '');
  const deferred = useDeferredValue(companySearch.trim());
  const companies = useQuery({ ...trpc.companies.list.queryOptions({ search: deferred, pageSize: 8 }), enabled: editable && deferred.length >= 2 });
  const errors = form.formState.errors;
  const submit = form.handleSubmit((values) =>
    save(() => (contact ? update.mutateAsync({ id: contact.id, version: contact.version, ...values }) : create.mutateAsync(values)), !contact),
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <fieldset disabled={!editable || form.formState.isSubmitting} className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-3">
          <FormField label={t('fields.lastName')} {...form.register('lastName')} error={errors.lastName && t('errors.lastName')} />
          <FormField label={t('fields.firstName')} {...form.register('firstName')} />
          <FormField label={t('fields.middleName')} {...form.register('middleName')} />
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label={t('fields.position')} {...form.register('position')} />
          <FormField label={t('fields.birthday')} type="date" {...form.register('birthday', { setValueAs: (v: string) => v || null })} error={errors.birthday && t('errors.date')} />
        </div>
        <Controller
          control={form.control}
          name="companyId"
          render={({ field }) => (
            <label className="block">
              <span className="text-sm font-medium">{t('fields.company')}</span>
              <input
                list="company-options"
                value={companySearch}
                onChange={(e) => {
                  setCompanySearch(e.target.value);
                  const match = companies.data?.items.find((c) => c.name === e.target.value);
                  field.onChange(match ? match.id : e.target.value ? field.value : null);
                }}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
              />
              <datalist id="company-options">
                {companies.data?.items.map((c) => <option key={c.id} value={c.name} />)}
              </datalist>
            </label>
          )}
        />
        <ChannelFields control={form.control} />
        <label className="block">
          <span className="text-sm font-medium">{t('fields.notes')}</span>
          <textarea {...form.register('notes')} rows={3} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
      </fieldset>
      <FormActions message={message} editable={editable} submitting={form.formState.isSubmitting} label={contact ? t('save') : t('create')} />
    </form>
  );
}
