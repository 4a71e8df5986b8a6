'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorCodeOf, fieldErrorsOf } from '@/lib/trpc/errors';

/**
 * Shared save flow of the client forms: run the mutation, go to the saved card, and turn a
 * refusal into a message (a conflict, or the fields the server named).
 */
export function useClientFormSubmit(kind: 'companies' | 'contacts') {
  const t = useTranslations('clients.form');
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function save(run: () => Promise<{ id: number }>, isNew: boolean) {
    setMessage(null);
    try {
      const saved = await run();
      if (isNew) router.push(`/${kind}/${saved.id}`);
      else {
        setMessage({ tone: 'ok', text: t('saved') });
        router.refresh();
      }
    } catch (error) {
      if (errorCodeOf(error) === 'CONFLICT') setMessage({ tone: 'error', text: t('conflict') });
      else {
        const fields = Object.keys(fieldErrorsOf(error)).map((field) => t(`fields.${field.split('.')[0]}` as never));
        setMessage({ tone: 'error', text: fields.length ? t('checkFields', { fields: fields.join(', ') }) : t('saveFailed') });
      }
    }
  }
  return { save, message };
}
