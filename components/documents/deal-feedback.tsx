'use client';

import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatDate } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { field, primaryButton, type DealFeedbackItem } from './document-types';

/** The client's reviews of this deal and the form to record one (the 15-days-after-won task links here). */
export function DealFeedback({ dealId, items, editable }: { dealId: number; items: DealFeedbackItem[]; editable: boolean }) {
  const t = useTranslations('feedback');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [sentiment, setSentiment] = useState<'positive' | 'negative'>('positive');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const create = useMutation(trpc.feedback.create.mutationOptions());

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setMessage({ tone: 'error', text: t('textRequired') });
    try {
      const result = await create.mutateAsync({ dealId, sentiment, text });
      setText('');
      setMessage({ tone: 'ok', text: result.headTaskId ? t('savedHeadTold') : t('saved') });
      router.refresh();
    } catch {
      setMessage({ tone: 'error', text: t('failed') });
    }
  };

  return (
    <div className="space-y-3">
      {items.length === 0 && <p className="text-sm text-slate-500">{t('none')}</p>}
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.id} className={`rounded-lg border p-2 text-sm ${item.sentiment === 'negative' ? 'border-rose-200 bg-rose-50' : 'border-emerald-200 bg-emerald-50'}`}>
            <span className="font-medium">{t(item.sentiment)}</span>
            <span className="text-slate-500"> · {formatDate(item.receivedAt, locale)}{item.authorName ? ` · ${item.authorName}` : ''}</span>
            <p className="mt-1 whitespace-pre-wrap break-words">{item.text}</p>
          </li>
        ))}
      </ul>
      {editable && (
        <form onSubmit={submit} noValidate className="space-y-2" aria-label={t('formTitle')}>
          <fieldset className="flex flex-wrap gap-4 text-sm">
            <legend className="sr-only">{t('sentiment')}</legend>
            {(['positive', 'negative'] as const).map((value) => (
              <label key={value} className="flex items-center gap-1">
                <input type="radio" name="sentiment" value={value} checked={sentiment === value} onChange={() => setSentiment(value)} />
                {t(value)}
              </label>
            ))}
          </fieldset>
          <label className="block text-sm font-medium">
            {t('text')}
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} className={field} />
          </label>
          {message && <p role={message.tone === 'error' ? 'alert' : 'status'} className={`text-sm ${message.tone === 'error' ? 'text-rose-700' : 'text-emerald-700'}`}>{message.text}</p>}
          <button type="submit" disabled={create.isPending} className={primaryButton}>{t('save')}</button>
        </form>
      )}
    </div>
  );
}
