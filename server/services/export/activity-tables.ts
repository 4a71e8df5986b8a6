import { responseBandBounds } from '@/lib/analytics/response-bands';
import type { ActivityFigures, ActivityReport } from '../analytics/activity-report';
import { table, type ReportTable, type Translate } from './report-tables';
import type { Cell } from './spreadsheet';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Talk time in hours and response times in minutes: numbers a spreadsheet can add up. */
const hours = (seconds: number) => seconds / 3600;
const minutes = (seconds: number | null) => (seconds === null ? null : seconds / 60);

const figureCells = (f: ActivityFigures): Cell[] => [f.calls, f.callsIn, f.callsOut, hours(f.talkSeconds), f.meetings, f.emails, f.tasksDone, f.planned, f.overdue];

/**
 * The activity report's sheets: managers (the main table, with the totals row), then every day and
 * every week of the period. The median response is its band's bounds in minutes.
 */
export function activityTables(data: ActivityReport, t: Translate, x: Translate): ReportTable[] {
  const a = (key: string) => t(`activity.${key}`);
  /** The median's band as its bounds in minutes (null: open-ended or none). */
  const band = (value: number | null): Cell[] => {
    if (value === null) return [null, null];
    const { from, to } = responseBandBounds(value);
    return [from === null ? 0 : from / 60, to === null ? null : to / 60];
  };
  const figureColumns = [
    { key: 'calls', label: a('calls') },
    { key: 'callsIn', label: a('callsIn') },
    { key: 'callsOut', label: a('callsOut') },
    { key: 'talk', label: a('talkHours') },
    { key: 'meetings', label: a('meetings') },
    { key: 'emails', label: a('emails') },
    { key: 'tasksDone', label: a('tasksDone') },
    { key: 'planned', label: a('planned') },
    { key: 'overdue', label: a('overdue') },
  ];
  const managerRow = (label: string, r: ActivityReport['totals']): Cell[] => [
    label,
    ...figureCells(r),
    r.overdueNow,
    r.callsTarget.target,
    r.callsTarget.done,
    r.meetingsTarget.target,
    r.meetingsTarget.done,
    r.response.leads,
    minutes(r.response.averageSeconds),
    ...band(r.response.medianBand),
    r.response.waiting,
  ];
  const managers = table(
    t('reports.activity.title'),
    [
      { key: 'manager', label: a('manager') },
      ...figureColumns,
      { key: 'overdueNow', label: a('overdueNow') },
      { key: 'callsPlan', label: a('callsPlan') },
      { key: 'callsDone', label: `${a('callsPlan')}, ${a('done')}`, kind: 'percent' },
      { key: 'meetingsPlan', label: a('meetingsPlan') },
      { key: 'meetingsDone', label: `${a('meetingsPlan')}, ${a('done')}`, kind: 'percent' },
      { key: 'leads', label: a('leads') },
      { key: 'response', label: a('responseMinutes') },
      { key: 'medianFrom', label: a('medianFromMinutes') },
      { key: 'medianTo', label: a('medianToMinutes') },
      { key: 'waiting', label: a('waiting') },
    ],
    [...data.managers.map((m) => managerRow(m.name, m)), managerRow(x('total'), data.totals)],
  );
  const days = table(
    a('day'),
    [{ key: 'date', label: a('date'), kind: 'date' }, ...figureColumns],
    data.byDay.map((d): Cell[] => [day(d.day), ...figureCells(d)]),
  );
  const weeks = table(
    a('week'),
    [{ key: 'from', label: x('periodFrom'), kind: 'date' }, { key: 'to', label: x('periodTo'), kind: 'date' }, ...figureColumns],
    data.byWeek.map((w): Cell[] => [day(w.from), new Date(day(w.to).getTime() - 86_400_000), ...figureCells(w)]),
  );
  return [managers, days, weeks];
}
