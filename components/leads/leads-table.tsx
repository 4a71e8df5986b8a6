'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { formatDate } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf, fieldErrorsOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';
import { Pager } from '@/components/ui/pager';
import { ConvertDialog } from './convert-dialog';
import { JunkDialog } from './junk-dialog';
import { DEFAULT_LEADS_QUERY } from './leads-query';
import type { LeadListFilters } from '@/lib/drill-down';

type Reference = RouterOutputs['reference'];
type Lead = RouterOutputs['leads']['list']['items'][number];
type Status = Lead['status'];

const STATUS_TONE: Record<Status, string> = {
  new: 'bg-sky-50 text-sky-800',
  in_progress: 'bg-amber-50 text-amber-800',
  converted: 'bg-emerald-50 text-emerald-800',
  junk: 'bg-slate-100 text-slate-600',
};

/** Leads the user may see: filters, search, and the lead's fate — work it, junk it, convert it. */
export function LeadsTable({ sources, junkReasons, pipelines, canChange, initialFilters = {} }: { sources: Reference['leadSources']; junkReasons: Reference['junkReasons']; pipelines: Reference['pipelines']; canChange: boolean; initialFilters?: LeadListFilters }) {
  const t = useTranslations('leads');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<Status | ''>(initialFilters.status ?? '');
  const [sourceId, setSourceId] = useState(initialFilters.sourceId ? String(initialFilters.sourceId) : '');
  const [search, setSearch] = useState(initialFilters.search ?? '');
  // Filters with no control here (owner, team, created dates) come only from a drill-down link.
  const { ownerId, teamId, createdFrom, createdTo } = initialFilters;
  const fixed = Object.fromEntries(Object.entries({ ownerId, teamId, createdFrom, createdTo }).filter(([, value]) => value !== undefined));
  const deferredSearch = useDeferredValue(search.trim());
  const filters = { ...fixed, ...(status ? { status } : {}), ...(sourceId ? { sourceId: Number(sourceId) } : {}), ...(deferredSearch ? { search: deferredSearch } : {}) };
  const { data } = useQuery({ ...trpc.leads.list.queryOptions({ ...DEFAULT_LEADS_QUERY, page, filters }), placeholderData: keepPreviousData });
  const [junking, setJunking] = useState<Lead | null>(null);
  const [converting, setConverting] = useState<Lead | null>(null);
  const [versions, setVersions] = useState<Record<number, number>>({});
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const versionOf = (lead: Lead) => versions[lead.id] ?? lead.version;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.leads.list.pathKey() });
  const failed = (error: unknown) => setMessage({ tone: 'error', text: errorCodeOf(error) === 'CONFLICT' ? t('conflict') : t('failed') });
  const start = useMutation(trpc.leads.start.mutationOptions({ onSuccess: (r) => { setVersions((v) => ({ ...v, [r.id]: r.version })); void refresh(); }, onError: failed }));
  const junk = useMutation(trpc.leads.junk.mutationOptions({ onSuccess: () => { setJunking(null); setMessage({ tone: 'ok', text: t('junked') }); void refresh(); }, onError: failed }));
  const convert = useMutation(trpc.leads.convert.mutationOptions({ onSuccess: () => { setConverting(null); setMessage({ tone: 'ok', text: t('converted') }); void refresh(); } }));
  const convertError = convert.error ? (Object.keys(fieldErrorsOf(convert.error)).length ? t('checkFields') : t('failed')) : null;
  const control = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';
  const button = 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-slate-50';

  return (
    <section className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <input type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }} placeholder={t('search')} aria-label={t('search')} className={`${control} min-w-0 flex-1 sm:max-w-sm`} />
        <select value={status} onChange={(e) => { setStatus(e.target.value as Status | ''); setPage(1); }} aria-label={t('statusFilter')} className={control}>
          <option value="">{t('allStatuses')}</option>
          {(['new', 'in_progress', 'converted', 'junk'] as const).map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
        <select value={sourceId} onChange={(e) => { setSourceId(e.target.value); setPage(1); }} aria-label={t('sourceFilter')} className={control}>
          <option value="">{t('allSources')}</option>
          {sources.map((s) => <option key={s.id} value={s.id}>{locale === 'ru' ? s.nameRu : s.nameEn}</option>)}
        </select>
      </div>
      <p role="status" className="min-h-5 text-sm">{message && <span className={message.tone === 'error' ? 'text-rose-700' : 'text-emerald-700'}>{message.text}</span>}</p>
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {data?.items.map((lead) => (
          <li key={lead.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-3 py-2.5" data-testid="lead-row" data-lead-id={lead.id}>
            <div className="min-w-0">
              <Link href={`/leads/${lead.id}`} className="font-medium text-brand-700 hover:underline" data-testid="lead-link">{lead.title}</Link>
              <div className="text-xs text-slate-500">
                {[lead.personName, lead.phoneDisplay, lead.email, locale === 'ru' ? lead.sourceNameRu : lead.sourceNameEn].filter(Boolean).join(' · ')}
              </div>
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                <span className={`rounded-full px-2 py-0.5 font-medium ${STATUS_TONE[lead.status]}`} data-testid="lead-status">{t(`status.${lead.status}`)}</span>
                {lead.status === 'junk' && <span className="text-slate-500">{locale === 'ru' ? lead.junkReasonRu : lead.junkReasonEn}</span>}
                {lead.convertedDealId && <Link href={`/deals/${lead.convertedDealId}`} className="text-brand-700 hover:underline">{t('openDeal')}</Link>}
                {lead.duplicateOfLeadId && <span className="text-amber-700">{t('duplicate')}</span>}
                <span className="text-slate-400">{formatDate(lead.createdAt, locale)} · {lead.ownerName ?? '—'}</span>
              </div>
            </div>
            {canChange && (lead.status === 'new' || lead.status === 'in_progress') && (
              <div className="flex flex-wrap gap-2">
                {lead.status === 'new' && <button type="button" className={button} onClick={() => start.mutate({ id: lead.id, version: versionOf(lead) })}>{t('start')}</button>}
                <button type="button" className={button} onClick={() => { convert.reset(); setConverting(lead); }}>{t('convertAction')}</button>
                <button type="button" className={`${button} text-rose-700`} onClick={() => setJunking(lead)}>{t('junkAction')}</button>
              </div>
            )}
          </li>
        ))}
        {data && data.items.length === 0 && <li className="px-3 py-8 text-center text-slate-500">{t('empty')}</li>}
      </ul>
      <Pager page={page} pageSize={DEFAULT_LEADS_QUERY.pageSize} total={data?.total ?? 0} onPage={setPage} />
      {junking && (
        <JunkDialog title={junking.title} reasons={junkReasons} onCancel={() => setJunking(null)} onConfirm={(values) => junk.mutate({ id: junking.id, version: versionOf(junking), ...values })} />
      )}
      {converting && (
        <ConvertDialog lead={converting} version={versionOf(converting)} pipelines={pipelines} error={convertError} onCancel={() => setConverting(null)} onConfirm={(input) => convert.mutate(input)} />
      )}
    </section>
  );
}
