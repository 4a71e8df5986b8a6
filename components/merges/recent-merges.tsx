'use client';

import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { Panel } from '@/components/ui/panel';
import { RECENT_MERGES_QUERY } from './duplicates-query';

/** The latest merges this person may undo, each with an Undo while the kept record is unedited. */
export function RecentMerges({ busy, onUndo }: { busy: boolean; onUndo: (mergeId: number) => void }) {
  const t = useTranslations('merges');
  const locale = useLocale();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.merges.recent.queryOptions(RECENT_MERGES_QUERY));
  return (
    <Panel title={t('recent')}>
      {data && data.length === 0 && <p className="text-sm text-slate-500">{t('recentEmpty')}</p>}
      <ul className="divide-y divide-slate-100">
        {data?.map((merge) => (
          <li key={merge.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="recent-merge">
            <div className="min-w-0">
              <div className="break-words text-sm">
                <span className="text-slate-500">{t(`entity.${merge.entity}`)}: </span>
                <span className="font-medium">{merge.survivorLabel ?? t('gone')}</span>
                <span className="text-slate-500"> · {t('mergedCount', { count: merge.mergedIds.length })}</span>
              </div>
              <div className="text-xs text-slate-500">
                {formatDateTime(merge.createdAt, locale)}
                {merge.actorName ? ` · ${t('by', { name: merge.actorName })}` : ''}
              </div>
            </div>
            {merge.canUndo ? (
              <button type="button" disabled={busy} onClick={() => onUndo(merge.id)} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
                {t('undo')}
              </button>
            ) : (
              <span className="text-xs text-slate-500">{t('editedSince')}</span>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
