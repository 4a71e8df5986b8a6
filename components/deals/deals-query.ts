import type { DealSortField } from '@/server/services/deals/schemas';

/**
 * The deals list's first query, shared by the page (server prefetch) and the table (client).
 * It lives outside the 'use client' module: a server component importing a value from one
 * gets a client reference, not the value.
 */
export const DEFAULT_DEALS_QUERY = {
  page: 1,
  pageSize: 25,
  filters: {},
  sort: { field: 'createdAt' as DealSortField, direction: 'desc' as 'asc' | 'desc' },
};
