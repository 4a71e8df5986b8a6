'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import type { RouterOutputs } from '@/lib/trpc/types';

type Entry = RouterOutputs['audit']['list']['items'][number];
export interface AuditFilters { actorId?: number; entityType?: string; entityId?: number; fromDay?: string; toDay?: string }

const input = 'w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';
/** Records that have their own page, to open from an entry. */
const RECORD_PAGES: Record<string, string> = { deal: '/deals', lead: '/leads', contact: '/contacts', company: '/companies', user: '/admin/users' };

/** A record type in the reader's language, or as stored when it has no translation. */
function useEntityName() {
  const t = useTranslations('auditLog.entities');
  return (type: string) => (t.has(type as never) ? t(type as never) : type);
}

/** What an entry did, in the reader's language ('deal.reassign' → its verb), or as stored when the verb has no translation. */
function useActionName() {
  const t = useTranslations('auditLog.actions');
  return (action: string) => {
    const verb = action.slice(action.lastIndexOf('.') + 1);
    return t.has(verb as never) ? t(verb as never) : action;
  };
}

/** A value of a change as a short readable string. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Admin: the audit log, newest first, filtered by user, record and days; each entry's fields old → new. */
export function AuditLogViewer({ initial }: { initial: AuditFilters }) {
  const t = useTranslations('auditLog');
  const trpc = useTRPC();
  const [filters, setFilters] = useState<AuditFilters>(initial);
  const { data: users = [] } = useQuery(trpc.users.list.queryOptions());
  const { data: entityTypes = [] } = useQuery(trpc.audit.entityTypes.queryOptions());
  const entityName = useEntityName();
  const entries = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions({ ...filters, pageSize: 50 }, { getNextPageParam: (page) => page.nextCursor }));
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const set = <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) => setFilters((current) => ({ ...current, [key]: value }));
  return (
    <div className="space-y-4">
      <form className="grid grid-cols-2 gap-2 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-5" data-testid="audit-filters" onSubmit={(e) => e.preventDefault()}>
        <label className="col-span-2 grid gap-1 text-xs text-slate-600 sm:col-span-1">
          {t('filters.user')}
          <select value={filters.actorId ?? ''} onChange={(e) => set('actorId', e.target.value ? Number(e.target.value) : undefined)} className={input}>
            <option value="">{t('filters.anyone')}</option>
            {users.map((user) => <option key={user.id} value={user.id}>{user.name}</option>)}
          </select>
        </label>
        <label className="grid gap-1 text-xs text-slate-600">
          {t('filters.recordType')}
          <select value={filters.entityType ?? ''} onChange={(e) => set('entityType', e.target.value || undefined)} className={input}>
            <option value="">{t('filters.anyRecord')}</option>
            {entityTypes.map((type) => <option key={type} value={type}>{entityName(type)}</option>)}
          </select>
        </label>
        <label className="grid gap-1 text-xs text-slate-600">
          {t('filters.recordId')}
          <input value={filters.entityId ?? ''} onChange={(e) => set('entityId', /^\d+$/.test(e.target.value) ? Number(e.target.value) : undefined)} inputMode="numeric" className={input} />
        </label>
        <label className="grid gap-1 text-xs text-slate-600">
          {t('filters.from')}
          <input type="date" value={filters.fromDay ?? ''} onChange={(e) => set('fromDay', e.target.value || undefined)} className={input} />
        </label>
        <label className="grid gap-1 text-xs text-slate-600">
          {t('filters.to')}
          <input type="date" value={filters.toDay ?? ''} onChange={(e) => set('toDay', e.target.value || undefined)} className={input} />
        </label>
      </form>
      <ol className="space-y-2" data-testid="audit-entries">
        {items.map((entry) => <AuditEntry key={entry.id} entry={entry} />)}
        {entries.isSuccess && items.length === 0 && <li className="text-sm text-slate-500">{t('empty')}</li>}
      </ol>
      {entries.hasNextPage && (
        <button type="button" disabled={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-40">
          {t('older')}
        </button>
      )}
    </div>
  );
}

function AuditEntry({ entry }: { entry: Entry }) {
  const t = useTranslations('auditLog');
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: organisation } = useQuery(trpc.reference.organisation.queryOptions());
  const entityName = useEntityName();
  const actionName = useActionName();
  const page = RECORD_PAGES[entry.entityType];
  const record = `${entityName(entry.entityType)}${entry.entityId ? ` #${entry.entityId}` : ''}`;
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-3 text-sm" data-testid="audit-entry">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
        <time className="text-slate-500" dateTime={new Date(entry.createdAt).toISOString()}>{formatDateTime(entry.createdAt, locale, organisation?.timeZone)}</time>
        <span className="font-medium">{entry.actorName ?? t('system')}</span>
        <span className="text-slate-700" title={entry.action} data-testid="audit-action">{actionName(entry.action)}</span>
        {page && entry.entityId ? <Link href={`${page}/${entry.entityId}`} className="text-brand-700 hover:underline">{record}</Link> : <span className="text-slate-600">{record}</span>}
      </div>
      {Object.keys(entry.changes).length > 0 && (
        <dl className="mt-1.5 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
          {Object.entries(entry.changes).map(([field, [before, after]]) => (
            <div key={field} className="contents">
              <dt className="font-mono text-slate-500">{field}</dt>
              <dd className="min-w-0 break-words text-slate-800">
                <span className="text-slate-500 line-through decoration-slate-300">{shown(before)}</span> → {shown(after)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
