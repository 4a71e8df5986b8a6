'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import type { RouterOutputs } from '@/lib/trpc/types';

type Breach = RouterOutputs['distribution']['alerts']['breaches'][number];

/** Rows shown before "show all": the panel sits above the hygiene board and must stay compact. */
const FIRST_ROWS = 5;

/**
 * The head's alerts about incoming leads: response-SLA breaches not yet seen (who missed the
 * deadline, who has the lead now) and leads waiting for someone at work. A quiet line when all is well.
 */
export function LeadAlerts({ teamId, canAcknowledge, showTeam }: { teamId?: number; canAcknowledge: boolean; showTeam: boolean }) {
  const t = useTranslations('distribution.alerts');
  const trpc = useTRPC();
  const [showAll, setShowAll] = useState(false);
  const { data } = useQuery({ ...trpc.distribution.alerts.queryOptions({ teamId }), refetchInterval: 60_000 });
  if (!data) return null;
  const { breaches, waiting } = data;
  if (breaches.length === 0 && waiting === 0) {
    return <p className="mb-4 text-sm text-emerald-700" data-testid="lead-alerts-clear">{t('allInTime')}</p>;
  }
  const shown = showAll ? breaches : breaches.slice(0, FIRST_ROWS);
  return (
    <section className="mb-6 rounded-xl border border-amber-300 bg-amber-50 p-3 sm:p-4" aria-label={t('title')} data-testid="lead-alerts">
      {breaches.length > 0 && (
        <>
          <h2 className="flex items-center gap-2 font-semibold text-amber-950">
            {t('title')}
            <span className="rounded-full bg-amber-200 px-2 py-0.5 text-xs font-semibold tabular-nums">{breaches.length}</span>
          </h2>
          <ul className="mt-1 divide-y divide-amber-200">
            {shown.map((breach) => <AlertRow key={breach.id} breach={breach} canAcknowledge={canAcknowledge} showTeam={showTeam} />)}
          </ul>
          {breaches.length > FIRST_ROWS && (
            <button type="button" onClick={() => setShowAll(!showAll)} className="mt-1 text-sm font-medium text-amber-900 underline underline-offset-2">
              {showAll ? t('showFewer') : t('showAll', { count: breaches.length })}
            </button>
          )}
        </>
      )}
      {waiting > 0 && (
        <p className={`text-sm font-medium text-amber-950 ${breaches.length > 0 ? 'mt-2 border-t border-amber-200 pt-2' : ''}`} data-testid="lead-alerts-waiting">
          {t('waiting', { count: waiting })}
        </p>
      )}
    </section>
  );
}

function AlertRow({ breach, canAcknowledge, showTeam }: { breach: Breach; canAcknowledge: boolean; showTeam: boolean }) {
  const t = useTranslations('distribution.alerts');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const acknowledge = useMutation(
    trpc.distribution.acknowledgeAlert.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.distribution.alerts.pathKey() }),
    }),
  );
  const where = breach.toName
    ? t('passedTo', { name: breach.toName })
    : breach.fromName
      ? t('stillWith', { name: breach.fromName })
      : t('nobodyAtWork');
  return (
    <li className="flex items-start justify-between gap-3 py-2 sm:items-center" data-testid="lead-alert">
      <div className="min-w-0">
        <Link href={`/leads/${breach.leadId}`} className="text-sm font-medium text-slate-900 hover:underline sm:text-base">{breach.leadTitle}</Link>
        {showTeam && breach.teamName && <span className="text-xs text-slate-600"> · {breach.teamName}</span>}
        <div className="text-xs text-slate-700">
          {breach.fromName && <>{t('missedBy', { name: breach.fromName })} · </>}
          {where} · {t('due', { when: formatDateTime(breach.dueAt, locale) })}
        </div>
        {acknowledge.isError && <p role="alert" className="text-xs text-rose-700">{t('failed')}</p>}
      </div>
      {canAcknowledge && (
        <button
          type="button"
          disabled={acknowledge.isPending}
          onClick={() => acknowledge.mutate({ id: breach.id })}
          className="shrink-0 rounded-md border border-amber-400 bg-white px-2.5 py-1 text-xs font-medium text-amber-950 hover:bg-amber-100 disabled:opacity-60"
        >
          {t('seen')}
        </button>
      )}
    </li>
  );
}
