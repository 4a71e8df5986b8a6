'use client';

import dynamic from 'next/dynamic';

/** The chart library loads after the tables: it is the heaviest part of a report page. */
export const ActivityChart = dynamic(() => import('./activity-chart-bars'), {
  ssr: false,
  loading: () => <div className="h-[260px] animate-pulse rounded-lg bg-slate-100" aria-hidden />,
});
