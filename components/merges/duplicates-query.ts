/** The duplicates screen's first query (shared by the page's prefetch and the view). */
export const DEFAULT_DUPLICATES_QUERY = { entity: 'lead' as const, page: 1, pageSize: 10 };

/** How many recent merges the screen lists. */
export const RECENT_MERGES_QUERY = { limit: 10 };
