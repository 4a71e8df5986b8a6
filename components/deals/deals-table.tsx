'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { formatDate, formatMoney } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import type { ListDealsInput } from '@/server/services/deals/schemas';
import { StatusBadge } from './status-badge';

export const DEFAULT_DEALS_QUERY = {
  page: 1,
  pageSize: 25,
  sort: { field: 'createdAt', direction: 'desc' },
} satisfies ListDealsInput;

type StatusFilter = NonNullable<ListDealsInput['status']> | 'all';

/** Deals the user may see, paged on the server; filters by status and text. */
export function DealsTable() {
  const t = useTranslations('deals');
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [search, setSearch] = useState('');
  const query: ListDealsInput = {
    ...DEFAULT_DEALS_QUERY,
    page,
    ...(status === 'all' ? {} : { status }),
    ...(search.trim() ? { search: search.trim() } : {}),
  };
  const { data, isFetching, error } = useQuery({
    ...trpc.deals.list.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <section aria-busy={isFetching} className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <input
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPage(1);
          }}
          placeholder={t('search')}
          aria-label={t('search')}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm sm:max-w-xs"
        />
        <select
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as StatusFilter);
            setPage(1);
          }}
          aria-label={t('statusFilter')}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          <option value="all">{t('status.all')}</option>
          <option value="open">{t('status.open')}</option>
          <option value="won">{t('status.won')}</option>
          <option value="lost">{t('status.lost')}</option>
        </select>
      </div>

      {error && <p role="alert" className="text-sm text-red-700">{t('loadError')}</p>}

      {/* Phones get cards; wider screens the table. */}
      <ul className="space-y-2 sm:hidden">
        {data?.items.map((deal) => (
          <li key={deal.id} data-testid="deal-card" className="rounded-xl border border-slate-200 bg-white p-3">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <Link href={`/deals/${deal.id}`} className="font-medium hover:underline">{deal.title}</Link>
                <div className="truncate text-xs text-slate-500">{deal.companyName ?? deal.contactName ?? '—'}</div>
              </div>
              <div className="shrink-0 text-right text-sm font-semibold tabular-nums">
                {formatMoney(deal.amount, deal.currency, locale)}
              </div>
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
              <StatusBadge status={deal.status} label={deal.stageName} />
              <span>{deal.ownerName}</span>
              <span>{formatDate(deal.createdAt, locale)}</span>
            </div>
          </li>
        ))}
        {data && data.items.length === 0 && <li className="py-8 text-center text-slate-500">{t('empty')}</li>}
      </ul>

      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white sm:block">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">{t('columns.title')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.stage')}</th>
              <th scope="col" className="px-3 py-2 text-right">{t('columns.amount')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.owner')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.created')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data?.items.map((deal) => (
              <tr key={deal.id} data-testid="deal-row">
                <td className="px-3 py-2">
                  <Link href={`/deals/${deal.id}`} className="font-medium hover:underline">{deal.title}</Link>
                  <div className="text-xs text-slate-500">{deal.companyName ?? deal.contactName ?? '—'}</div>
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={deal.status} label={deal.stageName} />
                  <div className="text-xs text-slate-500">{deal.pipelineName}</div>
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {formatMoney(deal.amount, deal.currency, locale)}
                </td>
                <td className="px-3 py-2">{deal.ownerName}</td>
                <td className="whitespace-nowrap px-3 py-2">{formatDate(deal.createdAt, locale)}</td>
              </tr>
            ))}
            {data && data.items.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-8 text-center text-slate-500">{t('empty')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <nav aria-label={t('pagination')} className="flex items-center justify-between gap-2 text-sm">
        <span className="text-slate-600">
          {t('pageOf', { page, pages, total: data?.total ?? 0 })}
        </span>
        <div className="flex gap-2">
          <button
            type="button"
            onClick={() => setPage((p) => Math.max(1, p - 1))}
            disabled={page <= 1}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 disabled:opacity-40"
          >
            {t('previous')}
          </button>
          <button
            type="button"
            onClick={() => setPage((p) => Math.min(pages, p + 1))}
            disabled={page >= pages}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 disabled:opacity-40"
          >
            {t('next')}
          </button>
        </div>
      </nav>
    </section>
  );
}
