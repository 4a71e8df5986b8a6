'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { flexRender, getCoreRowModel, useReactTable, type VisibilityState } from '@tanstack/react-table';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useDeferredValue, useMemo, useState } from 'react';
import { formatDate, formatMoney } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { fieldErrorsOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';
import type { DealSortField } from '@/server/services/deals/schemas';
import { DEFAULT_VISIBLE, dealColumns, SORTABLE } from './deal-columns';
import { DealFiltersPanel, toDealFilters, toDealFilterValues, type DealFilterValues } from './deal-filters-panel';
import type { DealListFilters } from '@/lib/drill-down';
import { StatusBadge } from './status-badge';
import { Pager } from '@/components/ui/pager';
import { DEFAULT_DEALS_QUERY } from './deals-query';

type Reference = RouterOutputs['reference'];
type Sort = { field: DealSortField; direction: 'asc' | 'desc' };

/** Deals the user may see: server-side paging, sorting and filters, chosen columns, export. */
export function DealsTable({
  pipelines,
  owners,
  sources,
  savedColumns,
  initialFilters = {},
}: {
  pipelines: Reference['pipelines'];
  owners: Reference['owners'];
  sources: Reference['leadSources'];
  savedColumns: string[] | null;
  /** Filters from the address (a report's drill-down link); the table's filters start from them. */
  initialFilters?: DealListFilters;
}) {
  const t = useTranslations('deals');
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<Sort>(DEFAULT_DEALS_QUERY.sort);
  const [filterValues, setFilterValues] = useState<DealFilterValues>(() => toDealFilterValues({ ...initialFilters }));
  const [showFilters, setShowFilters] = useState(() => Object.keys(initialFilters).some((key) => key !== 'search'));
  const deferredFilters = useDeferredValue(filterValues);
  const filters = toDealFilters(deferredFilters);
  const query = { page, pageSize: DEFAULT_DEALS_QUERY.pageSize, filters, sort };
  const { data, isFetching, error } = useQuery({ ...trpc.deals.list.queryOptions(query), placeholderData: keepPreviousData });
  const columns = useMemo(() => dealColumns(locale, (id) => t(`columns.${id}` as never)), [locale, t]);
  const [visibility, setVisibility] = useState<VisibilityState>(() =>
    Object.fromEntries(columns.map((c) => [c.id!, (savedColumns ?? DEFAULT_VISIBLE).includes(c.id!)])),
  );
  const saveColumns = useMutation(trpc.profile.setPreference.mutationOptions());
  const table = useReactTable({
    data: data?.items ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    state: { columnVisibility: visibility },
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === 'function' ? updater(visibility) : updater;
      setVisibility(next);
      saveColumns.mutate({ key: 'dealsColumns', value: Object.keys(next).filter((id) => next[id]) });
    },
  });
  const badFields = Object.keys(fieldErrorsOf(error));
  const exportHref = (format: 'csv' | 'xlsx') =>
    `/api/export/deals?${new URLSearchParams({ format, filters: JSON.stringify(filters), sort: JSON.stringify(sort) })}`;

  function toggleSort(columnId: string) {
    const field = SORTABLE[columnId];
    if (!field) return;
    setSort((current) => ({ field, direction: current.field === field && current.direction === 'desc' ? 'asc' : 'desc' }));
    setPage(1);
  }

  return (
    <section aria-busy={isFetching} className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          value={filterValues.search ?? ''}
          onChange={(e) => {
            setFilterValues({ ...filterValues, search: e.target.value });
            setPage(1);
          }}
          placeholder={t('search')}
          aria-label={t('search')}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm sm:max-w-xs"
        />
        <button type="button" aria-expanded={showFilters} onClick={() => setShowFilters((v) => !v)} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          {t('filtersButton')}
        </button>
        <details className="relative">
          <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">{t('columnsButton')}</summary>
          <div className="absolute right-0 z-10 mt-1 w-56 space-y-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
            {table.getAllLeafColumns().map((column) => (
              <label key={column.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} disabled={column.id === 'title'} />
                {t(`columns.${column.id}` as never)}
              </label>
            ))}
          </div>
        </details>
        <a href={exportHref('xlsx')} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" download>
          {t('exportXlsx')}
        </a>
        <a href={exportHref('csv')} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" download>
          {t('exportCsv')}
        </a>
      </div>

      {showFilters && (
        <DealFiltersPanel
          value={filterValues}
          onChange={(next) => {
            setFilterValues(next);
            setPage(1);
          }}
          pipelines={pipelines}
          owners={owners}
          sources={sources}
        />
      )}

      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {badFields.length > 0 ? t('badFilters', { fields: badFields.map((f) => t(`filters.${f.replace('filters.', '')}` as never)).join(', ') }) : t('loadError')}
        </p>
      )}

      {/* Phones get cards; wider screens the table. */}
      <ul className="space-y-2 sm:hidden">
        {data?.items.map((deal) => (
          <li key={deal.id} data-testid="deal-card" className="rounded-xl border border-slate-200 bg-white p-3">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <Link href={`/deals/${deal.id}`} className="font-medium hover:underline">{deal.title}</Link>
                <div className="truncate text-xs text-slate-500">{deal.companyName ?? deal.contactName ?? '—'}</div>
              </div>
              <div className="shrink-0 text-right text-sm font-semibold tabular-nums">{formatMoney(deal.amount, deal.currency, locale)}</div>
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
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const field = SORTABLE[header.column.id];
                  const numeric = (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  const active = field && sort.field === field;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                      className={`px-3 py-2 ${numeric ? 'text-right' : ''}`}
                    >
                      {field ? (
                        <button type="button" onClick={() => toggleSort(header.column.id)} className="uppercase hover:text-slate-900">
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {active ? (sort.direction === 'asc' ? ' ↑' : ' ↓') : ''}
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid="deal-row">
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    data-column={cell.column.id}
                    className={`px-3 py-2 ${(cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric ? 'whitespace-nowrap text-right tabular-nums' : ''}`}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {data && data.items.length === 0 && (
              <tr>
                <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-8 text-center text-slate-500">{t('empty')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <Pager page={page} pageSize={DEFAULT_DEALS_QUERY.pageSize} total={data?.total ?? 0} onPage={setPage} />
    </section>
  );
}
