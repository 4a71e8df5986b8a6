'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { formatDuration, formatHours, responseBandLabel } from '@/lib/analytics/activity-format';
import type { ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { leadsHref } from '@/lib/drill-down';
import { useTRPC } from '@/lib/trpc/client';
import { ActivityChart } from './activity-chart';
import { ActivityManagersTable, ActivityPeriodTable, type ActivityFiguresRow, type ActivityFormats } from './activity-tables';
import { Compare } from './compare';
import { Figure, useReportFormats } from './report-kit';

export type Granularity = 'day' | 'week';

/** One bucket row of the chart and the period table, with its label. */
export interface ActivityBucket {
  key: string;
  label: string;
  figures: ActivityFiguresRow;
}

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Activity per manager: headline figures against the previous period, calls / meetings / e-mails
 * per day or week, the managers' table with plans and first response, and the days or weeks.
 */
export function ActivityReport({ filters, currency }: { filters: ReportFilterValues; currency: string }) {
  const t = useTranslations('analytics.activity');
  const trpc = useTRPC();
  const base = useReportFormats(currency);
  const { data } = useQuery(trpc.analytics.activity.queryOptions(filters));
  // The chosen granularity lives in the address (?by=week), so a forwarded link opens the same view.
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const by = params.get('by');
  const chosen: Granularity | null = by === 'day' || by === 'week' ? by : null;
  const setGranularity = (next: Granularity) => {
    const query = new URLSearchParams(params.toString());
    query.set('by', next);
    router.replace(`${pathname}?${query.toString()}`, { scroll: false });
  };
  if (!data) return null;

  const locale = base.locale;
  const f: ActivityFormats = {
    ...base,
    hours: (seconds) => formatHours(seconds, locale),
    duration: (seconds) => formatDuration(seconds, locale),
    band: (band) => responseBandLabel(band, locale, (key, values) => t(key, values)),
  };
  // A month reads best by day, anything longer by week.
  const granularity = chosen ?? (data.byDay.length <= 31 ? 'day' : 'week');
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const buckets: ActivityBucket[] =
    granularity === 'day'
      ? data.byDay.map((d) => ({ key: d.day, label: dayFormat.format(utcDate(d.day)), figures: d }))
      : data.byWeek.map((w) => ({
          key: w.week,
          label: `${dayFormat.format(utcDate(w.from))} – ${dayFormat.format(new Date(utcDate(w.to).getTime() - 86_400_000))}`,
          figures: w,
        }));
  const { totals, previous } = data;
  const teamLeads = leadsHref({ teamId: filters.teamId, ownerId: filters.ownerId, createdFrom: data.period.from, createdTo: data.period.to });

  return (
    <section className="space-y-4">
      <ActivityHelp />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-3">
        <Figure label={t('calls')} value={f.count(totals.calls)}>
          <Compare current={totals.calls} previous={previous.calls} format={f.count} />
          <p className="text-xs text-slate-500">{t('callsSub', { in: f.count(totals.callsIn), out: f.count(totals.callsOut), talk: f.hours(totals.talkSeconds) })}</p>
        </Figure>
        <Figure label={t('meetings')} value={f.count(totals.meetings)}>
          <Compare current={totals.meetings} previous={previous.meetings} format={f.count} />
        </Figure>
        <Figure label={t('emails')} value={f.count(totals.emails)}>
          <Compare current={totals.emails} previous={previous.emails} format={f.count} />
        </Figure>
        <Figure label={t('tasksDone')} value={f.count(totals.tasksDone)}>
          <Compare current={totals.tasksDone} previous={previous.tasksDone} format={f.count} />
        </Figure>
        <Figure label={t('overdue')} value={f.count(totals.overdue)}>
          <Compare current={totals.overdue} previous={previous.overdue} format={f.count} better="lower" />
          <p className="text-xs text-slate-500">{t('overdueSub', { planned: f.count(totals.planned), now: f.count(totals.overdueNow) })}</p>
        </Figure>
        <Figure label={t('response')} value={f.duration(totals.response.averageSeconds)} href={teamLeads}>
          <Compare current={totals.response.averageSeconds ?? 0} previous={previous.response.averageSeconds ?? 0} format={(v) => f.duration(v)} better="lower" />
          <p className="text-xs text-slate-500">
            {t('responseSub', { median: f.band(totals.response.medianBand), waiting: f.count(totals.response.waiting), leads: f.count(totals.response.leads) })}
          </p>
        </Figure>
      </div>

      <div className="rounded-xl border border-slate-200 bg-white p-3">
        <div className="mb-2 flex flex-wrap items-center gap-2" role="group" aria-label={t('granularity')}>
          {(['day', 'week'] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={granularity === option}
              onClick={() => setGranularity(option)}
              className={`rounded-md px-3 py-1 text-sm print:hidden ${granularity === option ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
            >
              {t(option)}
            </button>
          ))}
        </div>
        <ActivityChart
          rows={buckets.map((b) => ({ label: b.label, calls: b.figures.calls, meetings: b.figures.meetings, emails: b.figures.emails }))}
          categoryKey="label"
          series={[
            { key: 'calls', label: t('calls'), color: '#2563eb' },
            { key: 'meetings', label: t('meetings'), color: '#16a34a' },
            { key: 'emails', label: t('emails'), color: '#f59e0b' },
          ]}
          format={f.count}
        />
      </div>

      <h2 className="text-base font-semibold">{t('byManager')}</h2>
      <ActivityManagersTable data={data} filters={filters} f={f} />
      <h2 className="text-base font-semibold">{t(granularity)}</h2>
      <ActivityPeriodTable buckets={buckets} totals={totals} granularity={granularity} f={f} />
    </section>
  );
}

/** What the figures mean, and that pipeline and source do not apply: the service's definitions in words. */
function ActivityHelp() {
  const t = useTranslations('analytics.activity');
  return (
    <div className="rounded-xl border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
      <p>{t('notApplied')}</p>
      <details className="mt-1">
        <summary className="cursor-pointer text-brand-700">{t('howCounted')}</summary>
        <div className="mt-2 space-y-1">
          {(['done', 'planned', 'overdue', 'overdueNow', 'response', 'targets', 'previous'] as const).map((key) => (
            <p key={key}>{t(`help.${key}`)}</p>
          ))}
        </div>
      </details>
    </div>
  );
}
