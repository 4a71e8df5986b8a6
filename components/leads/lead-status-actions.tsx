'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf, fieldErrorsOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';
import { ConvertDialog } from './convert-dialog';
import { JunkDialog } from './junk-dialog';

type Lead = RouterOutputs['leads']['byId'];
type Reference = RouterOutputs['reference'];

/** Start work, junk with a reason or convert — the lead's fate, from its card. */
export function LeadStatusActions({ lead, junkReasons, pipelines }: { lead: Lead; junkReasons: Reference['junkReasons']; pipelines: Reference['pipelines'] }) {
  const t = useTranslations('leadCard');
  const trpc = useTRPC();
  const router = useRouter();
  const [dialog, setDialog] = useState<'junk' | 'convert' | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const done = (text: string) => () => {
    setDialog(null);
    setMessage({ tone: 'ok', text });
    router.refresh();
  };
  const failed = (error: unknown) => {
    setDialog(null);
    setMessage({ tone: 'error', text: errorCodeOf(error) === 'CONFLICT' ? t('actionConflict') : t('actionFailed') });
  };
  const start = useMutation(trpc.leads.start.mutationOptions({ onSuccess: done(t('started')), onError: failed }));
  const junk = useMutation(trpc.leads.junk.mutationOptions({ onSuccess: done(t('junked')), onError: failed }));
  const convert = useMutation(trpc.leads.convert.mutationOptions({ onSuccess: done(t('converted')) }));
  const convertError = convert.error
    ? errorCodeOf(convert.error) === 'CONFLICT'
      ? t('actionConflict')
      : Object.keys(fieldErrorsOf(convert.error)).length
        ? t('checkFields')
        : t('actionFailed')
    : null;
  const button = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50';
  const primary = 'rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50';
  const busy = start.isPending || junk.isPending || convert.isPending;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {lead.status === 'new' && (
          <button type="button" className={button} disabled={busy} onClick={() => start.mutate({ id: lead.id, version: lead.version })}>{t('start')}</button>
        )}
        <button type="button" className={primary} disabled={busy} onClick={() => { convert.reset(); setDialog('convert'); }}>
          {t('convert')}
        </button>
        <button type="button" className={`${button} text-rose-700`} disabled={busy} onClick={() => setDialog('junk')}>{t('junk')}</button>
      </div>
      <p role="status" className="min-h-5 text-sm">{message && <span className={message.tone === 'error' ? 'text-rose-700' : 'text-emerald-700'}>{message.text}</span>}</p>
      {dialog === 'junk' && (
        <JunkDialog title={lead.title} reasons={junkReasons} onCancel={() => setDialog(null)} onConfirm={(values) => junk.mutate({ id: lead.id, version: lead.version, ...values })} />
      )}
      {dialog === 'convert' && (
        <ConvertDialog lead={lead} version={lead.version} pipelines={pipelines} error={convertError} onCancel={() => setDialog(null)} onConfirm={(input) => convert.mutate(input)} />
      )}
    </div>
  );
}
