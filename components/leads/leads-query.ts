/** The leads list's first query (shared by the page's prefetch and the table). */
export const DEFAULT_LEADS_QUERY = { page: 1, pageSize: 25, filters: {} };
