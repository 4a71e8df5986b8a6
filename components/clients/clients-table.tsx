'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { Pager } from '@/components/ui/pager';
import { ClientStatusBadge } from './client-status-badge';
import { DEFAULT_CLIENTS_QUERY } from './clients-query';

export type ClientKind = 'companies' | 'contacts';

/** Companies or contacts the user may see: search (name, INN, phone, e-mail), status, paging. */
export function ClientsTable({ kind, canCreate }: { kind: ClientKind; canCreate: boolean }) {
  const t = useTranslations('clients');
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<'' | 'new' | 'returning'>('');
  const [sortKey, setSortKey] = useState<'name' | 'newest' | 'oldest'>('name');
  const sort = { field: sortKey === 'name' ? 'name' : 'createdAt', direction: sortKey === 'newest' ? 'desc' : 'asc' } as const;
  const deferredSearch = useDeferredValue(search.trim());
  const filters = { ...(deferredSearch ? { search: deferredSearch } : {}), ...(status ? { status } : {}) };
  const input = { ...DEFAULT_CLIENTS_QUERY, page, ...filters, ...(sortKey === 'name' ? {} : { sort }) };
  const exportHref = (format: 'csv' | 'xlsx') =>
    `/api/export/${kind}?${new URLSearchParams({ format, ...filters, sort: JSON.stringify(sort) })}`;
  const companies = useQuery({ ...trpc.companies.list.queryOptions(input), placeholderData: keepPreviousData, enabled: kind === 'companies' });
  const contacts = useQuery({ ...trpc.contacts.list.queryOptions(input), placeholderData: keepPreviousData, enabled: kind === 'contacts' });
  const rows =
    kind === 'companies'
      ? (companies.data?.items ?? []).map((c) => ({ id: c.id, name: c.name, detail: [c.inn && `${t('inn')} ${c.inn}`, c.region].filter(Boolean).join(' · '), phone: c.phoneDisplay, owner: c.ownerName, returning: c.isReturning }))
      : (contacts.data?.items ?? []).map((c) => ({ id: c.id, name: c.fullName, detail: [c.position, c.companyName].filter(Boolean).join(' · '), phone: c.phoneDisplay, owner: c.ownerName, returning: c.isReturning }));
  const total = (kind === 'companies' ? companies.data?.total : contacts.data?.total) ?? 0;

  return (
    <section className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <input type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }} placeholder={t(`search.${kind}`)} aria-label={t(`search.${kind}`)} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm sm:max-w-sm" />
        <select value={status} onChange={(e) => { setStatus(e.target.value as typeof status); setPage(1); }} aria-label={t('statusFilter')} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          <option value="">{t('allStatuses')}</option>
          <option value="new">{t('new')}</option>
          <option value="returning">{t('returning')}</option>
        </select>
        <select value={sortKey} onChange={(e) => { setSortKey(e.target.value as typeof sortKey); setPage(1); }} aria-label={t('sort')} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          <option value="name">{t('sortName')}</option>
          <option value="newest">{t('sortNewest')}</option>
          <option value="oldest">{t('sortOldest')}</option>
        </select>
        <a href={exportHref('xlsx')} download className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">Excel</a>
        <a href={exportHref('csv')} download className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">CSV</a>
        {canCreate && (
          <Link href={`/${kind}/new`} className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            {t(`create.${kind}`)}
          </Link>
        )}
      </div>
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {rows.map((row) => (
          <li key={row.id} data-testid="client-row" className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2.5">
            <div className="min-w-0">
              <Link href={`/${kind}/${row.id}`} className="font-medium hover:underline">{row.name}</Link>
              <div className="truncate text-xs text-slate-500">{row.detail || '—'}</div>
            </div>
            <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
              {row.phone && <span className="tabular-nums">{row.phone}</span>}
              <span className="hidden sm:inline">{row.owner}</span>
              <ClientStatusBadge returning={row.returning} />
            </div>
          </li>
        ))}
        {rows.length === 0 && <li className="px-3 py-8 text-center text-slate-500">{t('empty')}</li>}
      </ul>
      <Pager page={page} pageSize={DEFAULT_CLIENTS_QUERY.pageSize} total={total} onPage={setPage} />
    </section>
  );
}
