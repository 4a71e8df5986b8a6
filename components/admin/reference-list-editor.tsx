'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';
import type { ReferenceListKey } from '@/server/services/reference/reference-list-schemas';

type Entry = RouterOutputs['referenceLists']['list'][number];
type Refresh = { onSuccess: () => Promise<void>; onError: (e: unknown) => void };

const input = 'min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const button = 'rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-40';

/**
 * Admin: one bilingual reference list (junk reasons, loss reasons, deal types) — add, rename in
 * both languages, reorder, archive. Archived entries stay on old records and in reports.
 */
export function ReferenceListEditor({ list }: { list: ReferenceListKey }) {
  const t = useTranslations('adminReference');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.referenceLists.list.queryKey({ list });
  const { data: entries = [] } = useQuery(trpc.referenceLists.list.queryOptions({ list }));
  const [error, setError] = useState<string | null>(null);
  const refresh: Refresh = {
    onSuccess: () => {
      setError(null);
      return queryClient.invalidateQueries({ queryKey });
    },
    onError: (e: unknown) => {
      setError(errorCodeOf(e) === 'CONFLICT' ? t('conflict') : t('failed'));
      void queryClient.invalidateQueries({ queryKey });
    },
  };
  const reorder = useMutation(trpc.referenceLists.reorder.mutationOptions(refresh));
  const active = entries.filter((e) => !e.isArchived);

  function move(entry: Entry, by: -1 | 1) {
    const ids = active.map((e) => e.id);
    const from = ids.indexOf(entry.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    reorder.mutate({ list, ids });
  }

  return (
    <div className="space-y-4">
      <p role="alert" className="min-h-5 text-sm text-rose-700">{error}</p>
      <ol className="space-y-2" data-testid="reference-entries">
        {entries.map((entry) => (
          <EntryRow
            key={`${entry.id}-${entry.version}`}
            list={list}
            entry={entry}
            refresh={refresh}
            position={active.findIndex((e) => e.id === entry.id)}
            activeCount={active.length}
            onMove={(by) => move(entry, by)}
            moving={reorder.isPending}
          />
        ))}
        {entries.length === 0 && <li className="text-sm text-slate-500">{t('empty')}</li>}
      </ol>
      <NewEntryForm list={list} refresh={refresh} />
    </div>
  );
}

function EntryRow({ list, entry, refresh, position, activeCount, onMove, moving }: { list: ReferenceListKey; entry: Entry; refresh: Refresh; position: number; activeCount: number; onMove: (by: -1 | 1) => void; moving: boolean }) {
  const t = useTranslations('adminReference');
  const trpc = useTRPC();
  const update = useMutation(trpc.referenceLists.update.mutationOptions(refresh));
  const archive = useMutation(trpc.referenceLists.setArchived.mutationOptions(refresh));
  const [nameRu, setNameRu] = useState(entry.nameRu);
  const [nameEn, setNameEn] = useState(entry.nameEn);
  const changed = nameRu !== entry.nameRu || nameEn !== entry.nameEn;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ list, id: entry.id, version: entry.version, nameRu, nameEn });
  }

  return (
    <li className={`rounded-xl border p-3 ${entry.isArchived ? 'border-dashed border-slate-300 bg-slate-50' : 'border-slate-200 bg-white'}`} data-testid="reference-entry" data-archived={entry.isArchived}>
      <form onSubmit={save} className="grid grid-cols-2 items-end gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
        <label className="grid text-xs text-slate-600">
          {t('nameRu')}
          <input value={nameRu} onChange={(e) => setNameRu(e.target.value)} required maxLength={120} className={input} />
        </label>
        <label className="grid text-xs text-slate-600">
          {t('nameEn')}
          <input value={nameEn} onChange={(e) => setNameEn(e.target.value)} required maxLength={120} className={input} />
        </label>
        <button type="submit" disabled={!changed || update.isPending} className={`${button} col-span-2 sm:col-span-1`}>{t('save')}</button>
      </form>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-xs text-slate-500">
        {entry.isArchived && <span className="rounded bg-slate-200 px-1.5 py-0.5 font-medium text-slate-700">{t('archived')}</span>}
        <span>{t('usage', { count: entry.usageCount })}</span>
        <span className="font-mono">{entry.code}</span>
        <span className="ml-auto flex gap-1.5">
          {!entry.isArchived && (
            <>
              <button type="button" disabled={moving || position <= 0} onClick={() => onMove(-1)} aria-label={t('moveUp')} className={button}>↑</button>
              <button type="button" disabled={moving || position >= activeCount - 1} onClick={() => onMove(1)} aria-label={t('moveDown')} className={button}>↓</button>
            </>
          )}
          <button type="button" disabled={archive.isPending} onClick={() => archive.mutate({ list, id: entry.id, version: entry.version, archived: !entry.isArchived })} className={button}>
            {entry.isArchived ? t('unarchive') : t('archive')}
          </button>
        </span>
      </div>
    </li>
  );
}

function NewEntryForm({ list, refresh }: { list: ReferenceListKey; refresh: Refresh }) {
  const t = useTranslations('adminReference');
  const trpc = useTRPC();
  const create = useMutation(trpc.referenceLists.create.mutationOptions(refresh));
  const [draft, setDraft] = useState({ nameRu: '', nameEn: '' });
  const ready = draft.nameRu.trim() && draft.nameEn.trim();
  return (
    <form
      className="grid grid-cols-2 items-end gap-2 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]"
      data-testid="new-reference-entry"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) create.mutate({ list, ...draft }, { onSuccess: () => setDraft({ nameRu: '', nameEn: '' }) });
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
      <button type="submit" disabled={!ready || create.isPending} className="col-span-2 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50 sm:col-span-1">{t('add')}</button>
    </form>
  );
}
