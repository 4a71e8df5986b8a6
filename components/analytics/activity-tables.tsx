'use client';

import { useTranslations } from 'next-intl';
import type { ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { dealsHref, leadsHref } from '@/lib/drill-down';
import type { RouterOutputs } from '@/lib/trpc/types';
import type { ActivityBucket, Granularity } from './activity-report';
import { DrillLink } from './drill-link';
import { numberCell, ReportTable, type useReportFormats } from './report-kit';

type Report = RouterOutputs['analytics']['activity'];
/** The activity figures every row has (days, weeks, managers, totals). */
export type ActivityFiguresRow = Omit<Report['byDay'][number], 'day'>;
type Figures = ActivityFiguresRow;
type Totals = Report['totals'];
type ManagerRow = Report['managers'][number];

export type ActivityFormats = ReturnType<typeof useReportFormats> & {
  hours: (seconds: number) => string;
  duration: (seconds: number | null) => string;
  band: (band: number | null) => string;
};

const ACTIVITY_COLUMNS = ['calls', 'callsIn', 'callsOut', 'talk', 'meetings', 'emails', 'tasksDone', 'planned', 'overdue'] as const;

function activityCells(row: Figures, f: ActivityFormats): string[] {
  return [
    f.count(row.calls), f.count(row.callsIn), f.count(row.callsOut), f.hours(row.talkSeconds),
    f.count(row.meetings), f.count(row.emails), f.count(row.tasksDone), f.count(row.planned), f.count(row.overdue),
  ];
}

const head = 'px-3 py-2 text-left';

/**
 * Managers side by side: activity, plan vs fact for calls and meetings, overdue now, and the
 * first response to their new leads. The name opens the manager's deals; the leads count opens
 * the leads of the period behind the first-response figures.
 */
export function ActivityManagersTable({ data, filters, f }: { data: Report; filters: ReportFilterValues; f: ActivityFormats }) {
  const t = useTranslations('analytics.activity');
  const { from, to } = data.period;
  const columns = [
    ...ACTIVITY_COLUMNS.map((c) => t(c)), t('overdueNow'), t('callsPlan'), t('done'), t('meetingsPlan'), t('done'),
    t('leads'), t('response'), t('median'), t('waiting'),
  ];
  const plan = (value: number | null) => (value === null ? '—' : f.count(Math.round(value)));
  const rest = (row: ManagerRow | Totals, leadsLink: string, testId?: string) => [
    f.count(row.overdueNow),
    plan(row.callsTarget.target), f.percent(row.callsTarget.done),
    plan(row.meetingsTarget.target), f.percent(row.meetingsTarget.done),
    <DrillLink key="leads" href={leadsLink} testId={testId}>{f.count(row.response.leads)}</DrillLink>,
    f.duration(row.response.averageSeconds), f.band(row.response.medianBand), f.count(row.response.waiting),
  ];
  const leadsOf = (ownerId: number | undefined) => leadsHref({ teamId: filters.teamId, ownerId, createdFrom: from, createdTo: to });
  return (
    <ReportTable
      minWidth={1560}
      testId="activity-managers"
      head={<tr><th scope="col" className={head}>{t('manager')}</th>{columns.map((label, i) => <th key={i} scope="col" className={numberCell}>{label}</th>)}</tr>}
      foot={
        <tr>
          <th scope="row" className={head}>{t('total')}</th>
          {[...activityCells(data.totals, f), ...rest(data.totals, leadsOf(filters.ownerId))].map((value, i) => <td key={i} className={`${numberCell} whitespace-nowrap`}>{value}</td>)}
        </tr>
      }
    >
      {data.managers.map((row) => (
        <tr key={row.ownerId}>
          <th scope="row" className={`${head} font-medium`}>
            <DrillLink href={dealsHref({ ownerId: row.ownerId })}>{row.name}</DrillLink>
            {!row.isActive && <span className="ml-1 text-xs font-normal text-slate-500">({t('inactive')})</span>}
          </th>
          {[...activityCells(row, f), ...rest(row, leadsOf(row.ownerId), 'drill-manager-leads')].map((value, i) => <td key={i} className={`${numberCell} whitespace-nowrap`}>{value}</td>)}
        </tr>
      ))}
    </ReportTable>
  );
}

/** The days or weeks of the period, every one of them, with the period's totals. */
export function ActivityPeriodTable({ buckets, totals, granularity, f }: { buckets: ActivityBucket[]; totals: Totals; granularity: Granularity; f: ActivityFormats }) {
  const t = useTranslations('analytics.activity');
  return (
    <ReportTable
      minWidth={960}
      testId="activity-periods"
      head={<tr><th scope="col" className={head}>{t(granularity === 'day' ? 'date' : 'weekOf')}</th>{ACTIVITY_COLUMNS.map((c) => <th key={c} scope="col" className={numberCell}>{t(c)}</th>)}</tr>}
      foot={<tr><th scope="row" className={head}>{t('total')}</th>{activityCells(totals, f).map((value, i) => <td key={ACTIVITY_COLUMNS[i]} className={`${numberCell} whitespace-nowrap`}>{value}</td>)}</tr>}
    >
      {buckets.map((bucket) => (
        <tr key={bucket.key}>
          <th scope="row" className={`${head} whitespace-nowrap font-medium`}>{bucket.label}</th>
          {activityCells(bucket.figures, f).map((value, i) => <td key={ACTIVITY_COLUMNS[i]} className={`${numberCell} whitespace-nowrap`}>{value}</td>)}
        </tr>
      ))}
    </ReportTable>
  );
}
