'use client';

import dynamic from 'next/dynamic';

/** The chart library loads after the table: it is the heaviest part of a report page. */
export const ReportChart = dynamic(() => import('./report-bar-chart'), {
  ssr: false,
  loading: () => <div className="h-[260px] animate-pulse rounded-lg bg-slate-100" aria-hidden />,
});
export type { ChartSeries } from './report-bar-chart';
