'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { formatMoney } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf, fieldErrorsOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';

type Source = RouterOutputs['leadSources']['list'][number];
type Refresh = { onSuccess: () => Promise<void>; onError: (e: unknown) => void };

const input = 'min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const button = 'rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-40';

/** Admin: lead sources — add, rename in both languages, monthly cost, order, archive. */
export function LeadSourcesEditor() {
  const t = useTranslations('leadSources');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: sources = [] } = useQuery(trpc.leadSources.list.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const refresh: Refresh = {
    onSuccess: () => {
      setError(null);
      return queryClient.invalidateQueries({ queryKey: trpc.leadSources.list.queryKey() });
    },
    onError: (e: unknown) => {
      const costRefused = Object.keys(fieldErrorsOf(e)).includes('monthlyCost');
      setError(errorCodeOf(e) === 'CONFLICT' ? t('conflict') : costRefused ? t('errors.cost') : t('failed'));
      void queryClient.invalidateQueries({ queryKey: trpc.leadSources.list.queryKey() });
    },
  };
  const reorder = useMutation(trpc.leadSources.reorder.mutationOptions(refresh));
  const active = sources.filter((s) => !s.isArchived);

  function move(source: Source, by: -1 | 1) {
    const ids = active.map((s) => s.id);
    const from = ids.indexOf(source.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    reorder.mutate({ ids });
  }

  return (
    <div className="space-y-4">
      <p role="alert" className="min-h-5 text-sm text-rose-700">{error}</p>
      <ol className="space-y-2" data-testid="lead-sources">
        {sources.map((source) => (
          <SourceRow
            key={`${source.id}-${source.version}`}
            source={source}
            refresh={refresh}
            position={active.findIndex((s) => s.id === source.id)}
            activeCount={active.length}
            onMove={(by) => move(source, by)}
            moving={reorder.isPending}
          />
        ))}
        {sources.length === 0 && <li className="text-sm text-slate-500">{t('empty')}</li>}
      </ol>
      <NewSourceForm refresh={refresh} />
    </div>
  );
}

function SourceRow({ source, refresh, position, activeCount, onMove, moving }: { source: Source; refresh: Refresh; position: number; activeCount: number; onMove: (by: -1 | 1) => void; moving: boolean }) {
  const t = useTranslations('leadSources');
  const locale = useLocale();
  const trpc = useTRPC();
  const update = useMutation(trpc.leadSources.update.mutationOptions(refresh));
  const archive = useMutation(trpc.leadSources.setArchived.mutationOptions(refresh));
  const [nameRu, setNameRu] = useState(source.nameRu);
  const [nameEn, setNameEn] = useState(source.nameEn);
  const [cost, setCost] = useState(source.monthlyCost ?? '');
  const costRefused = Boolean(update.error && Object.keys(fieldErrorsOf(update.error)).includes('monthlyCost'));
  const changed = nameRu !== source.nameRu || nameEn !== source.nameEn || cost !== (source.monthlyCost ?? '');

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ id: source.id, version: source.version, nameRu, nameEn, monthlyCost: cost });
  }

  return (
    <li className={`rounded-xl border p-3 ${source.isArchived ? 'border-dashed border-slate-300 bg-slate-50' : 'border-slate-200 bg-white'}`} data-testid="lead-source-row" data-archived={source.isArchived}>
      <form onSubmit={save} className="grid grid-cols-2 items-end gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_10rem_auto]">
        <label className="grid text-xs text-slate-600">
          {t('nameRu')}
          <input value={nameRu} onChange={(e) => setNameRu(e.target.value)} required maxLength={120} className={input} />
        </label>
        <label className="grid text-xs text-slate-600">
          {t('nameEn')}
          <input value={nameEn} onChange={(e) => setNameEn(e.target.value)} required maxLength={120} className={input} />
        </label>
        <label className="grid text-xs text-slate-600">
          {t('monthlyCost')}
          <input value={cost} onChange={(e) => setCost(e.target.value)} inputMode="decimal" placeholder={t('noCost')} aria-invalid={costRefused} className={costRefused ? input.replace('border-slate-300', 'border-rose-500') : input} />
        </label>
        <button type="submit" disabled={!changed || update.isPending} className={button}>{t('save')}</button>
      </form>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-xs text-slate-500">
        {source.isArchived && <span className="rounded bg-slate-200 px-1.5 py-0.5 font-medium text-slate-700">{t('archived')}</span>}
        <span>{source.monthlyCost !== null ? t('perMonth', { amount: formatMoney(source.monthlyCost, 'RUB', locale) }) : t('noCost')}</span>
        <span>{t('leadCount', { count: source.leadCount })}</span>
        <span className="font-mono">{source.code}</span>
        <span className="ml-auto flex gap-1.5">
          {!source.isArchived && (
            <>
              <button type="button" disabled={moving || position <= 0} onClick={() => onMove(-1)} aria-label={t('moveUp')} className={button}>↑</button>
              <button type="button" disabled={moving || position >= activeCount - 1} onClick={() => onMove(1)} aria-label={t('moveDown')} className={button}>↓</button>
            </>
          )}
          <button type="button" disabled={archive.isPending} onClick={() => archive.mutate({ id: source.id, version: source.version, archived: !source.isArchived })} className={button}>
            {source.isArchived ? t('unarchive') : t('archive')}
          </button>
        </span>
      </div>
    </li>
  );
}

function NewSourceForm({ refresh }: { refresh: Refresh }) {
  const t = useTranslations('leadSources');
  const trpc = useTRPC();
  const create = useMutation(trpc.leadSources.create.mutationOptions(refresh));
  const [draft, setDraft] = useState({ nameRu: '', nameEn: '', monthlyCost: '' });
  const ready = draft.nameRu.trim() && draft.nameEn.trim();
  return (
    <form
      className="grid grid-cols-2 items-end gap-2 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_10rem_auto]"
      data-testid="new-lead-source"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) create.mutate(draft, { onSuccess: () => setDraft({ nameRu: '', nameEn: '', monthlyCost: '' }) });
      }}
    >
      <label className="grid text-xs text-slate-600">
        {t('nameRu')}
        <input value={draft.nameRu} onChange={(e) => setDraft({ ...draft, nameRu: e.target.value })} maxLength={120} className={input} />
      </label>
      <label className="grid text-xs text-slate-600">
        {t('nameEn')}
        <input value={draft.nameEn} onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })} maxLength={120} className={input} />
      </label>
      <label className="grid text-xs text-slate-600">
        {t('monthlyCost')}
        <input value={draft.monthlyCost} onChange={(e) => setDraft({ ...draft, monthlyCost: e.target.value })} inputMode="decimal" placeholder={t('noCost')} className={input} />
      </label>
      <button type="submit" disabled={!ready || create.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">{t('add')}</button>
    </form>
  );
}
