'use client';

import { useTranslations } from 'next-intl';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { StringListInput } from '@/components/ui/string-list-input';

/** The phones and e-mails lists of a client form. */
export function ChannelFields<T extends FieldValues>({ control }: { control: Control<T> }) {
  const t = useTranslations('clients.form');
  return (
    <>
      <Controller
        control={control}
        name={'phones' as Path<T>}
        render={({ field, fieldState }) => (
          <StringListInput label={t('fields.phones')} inputMode="tel" value={field.value ?? []} onChange={field.onChange} errors={fieldState.error ? [t('errors.phone')] : undefined} />
        )}
      />
      <Controller
        control={control}
        name={'emails' as Path<T>}
        render={({ field, fieldState }) => (
          <StringListInput label={t('fields.emails')} inputMode="email" value={field.value ?? []} onChange={field.onChange} errors={fieldState.error ? [t('errors.email')] : undefined} />
        )}
      />
    </>
  );
}
