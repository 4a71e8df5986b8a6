'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import { Pager } from '@/components/ui/pager';
import { MERGE_ENTITIES, type MergeEntity, type MergeRecordsInput } from '@/server/services/merges/schemas';
import { GroupCard } from './group-card';
import { RecentMerges } from './recent-merges';
import { DEFAULT_DUPLICATES_QUERY } from './duplicates-query';

type Notice = { tone: 'ok' | 'error'; text: string; undoMergeId?: number };

/** The duplicates screen: groups per kind of record, merging with an Undo right after, and recent merges. */
export function DuplicatesView({ canMerge }: { canMerge: boolean }) {
  const t = useTranslations('merges');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [entity, setEntity] = useState<MergeEntity>('lead');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The kept record's name, for the message after the merge.
  const pendingLabel = useRef('');
  const query = { ...DEFAULT_DUPLICATES_QUERY, entity, page };
  const { data, isFetching } = useQuery({ ...trpc.merges.duplicateGroups.queryOptions(query), placeholderData: keepPreviousData });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.merges.duplicateGroups.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.merges.recent.pathKey() }),
    ]);

  const merge = useMutation(
    trpc.merges.merge.mutationOptions({
      onSuccess: (result, input) => {
        const label = pendingLabel.current;
        setNotice({ tone: 'ok', text: t('merged', { count: input.records.length, label }), undoMergeId: result.mergeId });
        void refresh();
      },
      onError: (error) => {
        const code = errorCodeOf(error);
        setNotice({ tone: 'error', text: code === 'CONFLICT' || code === 'NOT_FOUND' ? t('conflict') : t('failed') });
        void refresh();
      },
    }),
  );
  const undo = useMutation(
    trpc.merges.undo.mutationOptions({
      onSuccess: () => {
        setNotice({ tone: 'ok', text: t('undone') });
        void refresh();
      },
      onError: (error) => {
        setNotice({ tone: 'error', text: errorCodeOf(error) === 'CONFLICT' ? t('undoConflict') : t('failed') });
        void refresh();
      },
    }),
  );
  const onMerge = (input: MergeRecordsInput, survivorLabel: string) => {
    pendingLabel.current = survivorLabel;
    setNotice(null);
    merge.mutate(input);
  };

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label={t('title')} className="flex flex-wrap gap-1">
        {MERGE_ENTITIES.map((option) => (
          <button
            key={option}
            type="button"
            role="tab"
            aria-selected={entity === option}
            onClick={() => { setEntity(option); setPage(1); }}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${entity === option ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white hover:bg-slate-50'}`}
          >
            {t(`tabs.${option}`)}
          </button>
        ))}
      </div>

      <div role="status" aria-live="polite" className="min-h-5">
        {notice && (
          <div className={`flex flex-wrap items-center gap-3 rounded-lg px-3 py-2 text-sm ${notice.tone === 'error' ? 'bg-rose-50 text-rose-800' : 'bg-emerald-50 text-emerald-800'}`} data-testid="merge-notice">
            <span className="min-w-0 flex-1">{notice.text}</span>
            {notice.undoMergeId && (
              <button type="button" disabled={undo.isPending} onClick={() => undo.mutate({ mergeId: notice.undoMergeId! })} className="rounded-md border border-emerald-700 bg-white px-3 py-1 text-sm font-semibold text-emerald-800 disabled:opacity-60" data-testid="undo-merge">
                {t('undo')}
              </button>
            )}
          </div>
        )}
      </div>

      {!canMerge && <p className="text-sm text-slate-500">{t('readOnly')}</p>}
      {data?.truncated && <p className="text-sm text-amber-700">{t('truncated')}</p>}

      <div className={`space-y-3 ${isFetching ? 'opacity-70' : ''}`}>
        {data?.entity === entity &&
          data.groups.map((group) => (
            <GroupCard key={group.key} entity={entity} group={group} canMerge={canMerge} busy={merge.isPending} onMerge={onMerge} />
          ))}
        {data && data.entity === entity && data.groups.length === 0 && (
          <p className="rounded-xl border border-slate-200 bg-white px-3 py-8 text-center text-slate-500">{t('noGroups')}</p>
        )}
      </div>
      {data && data.total > data.pageSize && <Pager page={page} pageSize={data.pageSize} total={data.total} onPage={setPage} />}

      {canMerge && <RecentMerges busy={undo.isPending} onUndo={(mergeId) => { setNotice(null); undo.mutate({ mergeId }); }} />}
    </div>
  );
}
