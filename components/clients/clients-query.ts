/** The client lists' first query (shared by the pages' prefetch and the tables). */
export const DEFAULT_CLIENTS_QUERY = { page: 1, pageSize: 25 } as const;
