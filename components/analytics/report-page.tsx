import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { searchParamsFromFilters, type ReportFilterValues } from '@/lib/analytics/report-filters-url';
import type { ReportKey } from '@/lib/analytics/reports';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { PrintButton } from './print-button';
import { ReportFilterBar } from './report-filter-bar';
import { ReportNav } from './report-nav';

const action = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50';

/**
 * The frame every report page shares: title, report tabs, the filter bar, the downloads, then the
 * report. On paper (A4) the tabs, the filter bar and the buttons give way to a line stating the
 * period, the filters and when the page was printed.
 */
export async function ReportPage({ report, filters, showTeam, showPipeline, showPeriod, showSource, children }: {
  report: ReportKey;
  filters: ReportFilterValues;
  showTeam: boolean;
  showPipeline?: boolean;
  showPeriod?: boolean;
  /** False where the source filter does not apply (the report says so on screen). */
  showSource?: boolean;
  children: React.ReactNode;
}) {
  const t = await getTranslations(`analytics.reports.${report}`);
  const x = await getTranslations('analyticsExport');
  const query = searchParamsFromFilters(filters);
  const exportHref = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams(query);
    params.set('format', format);
    return `/api/export/report/${report}?${params}`;
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('text')}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden" aria-label={x('download')} role="group">
            <a href={exportHref('csv')} className={action} download>
              {x('csv')}
            </a>
            <a href={exportHref('xlsx')} className={action} download>
              {x('excel')}
            </a>
            <PrintButton label={x('print')} className={action} />
          </div>
        }
      />
      <PrintedFilters filters={filters} report={report} showPipeline={showPipeline ?? true} showSource={showSource ?? true} />
      <ReportNav />
      <HydrateClient>
        <div className="print:hidden">
          <ReportFilterBar filters={filters} showTeam={showTeam} showPipeline={showPipeline} showPeriod={showPeriod} showSource={showSource} />
        </div>
        {children}
      </HydrateClient>
    </>
  );
}

/** The period and the filters as text, on paper only (the filter bar does not print). */
async function PrintedFilters({ filters, report, showPipeline, showSource }: { filters: ReportFilterValues; report: ReportKey; showPipeline: boolean; showSource: boolean }) {
  const snapshot = report === 'snapshot';
  const locale = (await getLocale()) === 'en' ? 'en' : 'ru';
  const a = await getTranslations('analytics.filters');
  const x = await getTranslations('analyticsExport');
  const now = new Date();
  const { period, timeZone, names } = await getQueryClient().fetchQuery(trpc.analytics.describeFilters.queryOptions({ filters, locale }));
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
  const lastDay = new Date(Date.parse(`${period.to}T00:00:00Z`) - 86_400_000);
  const onePipeline = report === 'funnel' || report === 'snapshot';
  const parts = [
    ...(showPipeline ? [`${a('pipeline')}: ${names.pipeline ?? (onePipeline ? a('defaultPipeline') : x('all'))}`] : []),
    `${a('team')}: ${names.team}`,
    `${a('manager')}: ${names.manager}`,
    ...(showSource ? [`${a('source')}: ${names.source}`] : []),
  ];
  return (
    <div className="mb-4 hidden text-sm text-slate-700 print:block">
      <p>
        {snapshot
          ? x('printSnapshot', { date: dateTimeFormat.format(now) })
          : `${a(`presets.${filters.period}`)} · ${x('printPeriod', { from: dateFormat.format(new Date(`${period.from}T00:00:00Z`)), to: dateFormat.format(lastDay) })}`}
      </p>
      <p>{x('printFilters', { filters: parts.join('; ') })}</p>
      <p className="text-slate-500">{x('printGenerated', { date: dateTimeFormat.format(now) })}</p>
    </div>
  );
}
