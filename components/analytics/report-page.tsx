import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import type { ReportFilterValues } from '@/lib/analytics/report-filters-url';
import type { ReportKey } from '@/lib/analytics/reports';
import { HydrateClient } from '@/lib/trpc/server';
import { ReportFilterBar } from './report-filter-bar';
import { ReportNav } from './report-nav';

/** The frame every report page shares: title, report tabs, the filter bar, then the report. */
export async function ReportPage({ report, filters, showTeam, showPipeline, showPeriod, children }: {
  report: ReportKey;
  filters: ReportFilterValues;
  showTeam: boolean;
  showPipeline?: boolean;
  showPeriod?: boolean;
  children: React.ReactNode;
}) {
  const t = await getTranslations(`analytics.reports.${report}`);
  return (
    <>
      <PageHeader title={t('title')} description={t('text')} />
      <ReportNav />
      <HydrateClient>
        <ReportFilterBar filters={filters} showTeam={showTeam} showPipeline={showPipeline} showPeriod={showPeriod} />
        {children}
      </HydrateClient>
    </>
  );
}
