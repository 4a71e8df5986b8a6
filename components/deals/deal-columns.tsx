'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { formatDate, formatMoney } from '@/lib/format';
import type { RouterOutputs } from '@/lib/trpc/types';
import type { DealSortField } from '@/server/services/deals/schemas';
import { StatusBadge } from './status-badge';

export type DealRow = RouterOutputs['deals']['list']['items'][number];

/** Column id → the server's sort field, for the sortable ones. */
export const SORTABLE: Partial<Record<string, DealSortField>> = {
  title: 'title',
  stage: 'stage',
  amount: 'amount',
  owner: 'owner',
  expectedCloseDate: 'expectedCloseDate',
  createdAt: 'createdAt',
  closedAt: 'closedAt',
};

export const DEFAULT_VISIBLE = ['title', 'client', 'stage', 'amount', 'owner', 'createdAt'];

export function dealColumns(locale: string, label: (id: string) => string): ColumnDef<DealRow>[] {
  const date = (value: string | Date | null) => (value ? formatDate(value, locale) : '—');
  return [
    {
      id: 'title',
      header: label('title'),
      cell: ({ row }) => (
        <Link href={`/deals/${row.original.id}`} className="font-medium hover:underline">
          {row.original.title}
        </Link>
      ),
    },
    { id: 'client', header: label('client'), cell: ({ row }) => row.original.companyName ?? row.original.contactName ?? '—' },
    {
      id: 'stage',
      header: label('stage'),
      cell: ({ row }) => <StatusBadge status={row.original.status} label={row.original.stageName} />,
    },
    { id: 'pipeline', header: label('pipeline'), cell: ({ row }) => row.original.pipelineName },
    {
      id: 'amount',
      header: label('amount'),
      meta: { numeric: true },
      cell: ({ row }) => formatMoney(row.original.amount, row.original.currency, locale),
    },
    { id: 'owner', header: label('owner'), cell: ({ row }) => row.original.ownerName },
    {
      id: 'source',
      header: label('source'),
      cell: ({ row }) => (locale === 'ru' ? row.original.sourceNameRu : row.original.sourceNameEn) ?? '—',
    },
    { id: 'expectedCloseDate', header: label('expectedCloseDate'), cell: ({ row }) => date(row.original.expectedCloseDate) },
    { id: 'createdAt', header: label('createdAt'), cell: ({ row }) => date(row.original.createdAt) },
    { id: 'closedAt', header: label('closedAt'), cell: ({ row }) => date(row.original.closedAt) },
  ];
}
