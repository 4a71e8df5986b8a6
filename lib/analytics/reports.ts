/** The reports of the analytics area, in menu order (DESIGN.md §5). Browser-safe. */
export const REPORTS = ['funnel', 'snapshot', 'conversion', 'activity', 'churn', 'sources', 'losses', 'receivables'] as const;
export type ReportKey = (typeof REPORTS)[number];

export const reportHref = (report: ReportKey, query = '') => `/analytics/${report}${query ? `?${query}` : ''}`;
