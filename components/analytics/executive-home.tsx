'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { searchParamsFromFilters, type ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { reportHref, type ReportKey } from '@/lib/analytics/reports';
import { dealsHref } from '@/lib/drill-down';
import { useTRPC } from '@/lib/trpc/client';
import type { RouterOutputs } from '@/lib/trpc/types';

type Home = RouterOutputs['analytics']['home'];
const HYGIENE = ['withoutTask', 'overdueTask', 'unprocessed'] as const;
/** Teams shown on the hygiene tile (the most problems first); the team screen has them all. */
const HYGIENE_TEAMS = 4;

const tile = 'block rounded-xl border border-slate-200 bg-white p-2.5';
const tileLink = `${tile} hover:border-brand-300 focus-visible:border-brand-500`;
const label = 'text-xs font-medium text-slate-500';
const big = 'text-xl font-semibold tabular-nums leading-tight';
const small = 'text-xs text-slate-600';

function useHomeFormats(currency: string) {
  const locale = useLocale();
  const tag = locale === 'ru' ? 'ru-RU' : 'en-GB';
  return {
    locale,
    /** Money in three significant digits ("5,97 млн ₽"): a tile has room for the size, not the kopecks. */
    money: (value: string | number) => new Intl.NumberFormat(tag, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }).format(Number(value)),
    percent: (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(value)),
    count: (value: number) => new Intl.NumberFormat(tag).format(value),
    month: (isoDate: string) => new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`)),
  };
}

/** A change against an earlier figure: signed, green when up (or down, for bad news). */
function Change({ current, previous, format }: { current: number; previous: number; format: (value: number) => string }) {
  const delta = current - previous;
  if (delta === 0) return null;
  return <span className={delta > 0 ? 'text-emerald-700' : 'text-rose-700'}>{`${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`}</span>;
}

/**
 * The analytics start page for a director's phone: the month's revenue against its target and
 * last year, win rate, the open pipeline, hygiene per team and the top movers — two columns of
 * compact tiles at 375 px, each opening the report or the list behind it.
 */
export function ExecutiveHome({ currency }: { currency: string }) {
  const t = useTranslations('analytics.home');
  const trpc = useTRPC();
  const f = useHomeFormats(currency);
  const { data } = useQuery(trpc.analytics.home.queryOptions({}));
  if (!data) return null;
  const team = data.teamId ?? undefined;
  const report = (key: ReportKey, filters: Partial<ReportFilterValues> = {}) =>
    reportHref(key, searchParamsFromFilters({ period: 'thisMonth', teamId: team, ...filters }).toString());
  return (
    <div className="mb-6 grid grid-cols-2 gap-2" data-testid="executive-home">
      <RevenueTile data={data} f={f} t={t} href={report('conversion')} lastYearHref={report('conversion', { period: 'custom', from: data.revenue.lastYear.from, to: data.revenue.lastYear.to })} />
      <Link href={report('conversion')} className={tileLink} data-testid="home-win-rate">
        <div className={label}>{t('winRate')}</div>
        <div className={big}>{f.percent(data.winRate.current.rate)}</div>
        <div className={small}>{t('winRateOf', { won: f.count(data.winRate.current.won), closed: f.count(data.winRate.current.won + data.winRate.current.lost) })}</div>
        <div className={small}>
          {t('previousMonth', { month: f.month(data.winRate.previous.from), value: f.percent(data.winRate.previous.rate) })}{' '}
          {data.winRate.current.rate !== null && data.winRate.previous.rate !== null && (
            <Change current={Math.round(data.winRate.current.rate * 100)} previous={Math.round(data.winRate.previous.rate * 100)} format={(v) => t('points', { value: v })} />
          )}
        </div>
      </Link>
      <div className={tile} data-testid="home-pipeline">
        <Link href={report('snapshot')} className="block">
          <div className={label}>{t('pipeline')}</div>
          <div className={big}>{f.money(data.pipeline.amount)}</div>
          <div className={small}>{t('weighted', { amount: f.money(data.pipeline.weighted) })}</div>
        </Link>
        <ul className="mt-0.5 space-y-0.5">
          {data.pipeline.byPipeline.map((p) => (
            <li key={p.pipelineId} className="flex justify-between gap-1 text-xs">
              <Link href={report('snapshot', { pipelineId: p.pipelineId })} className="truncate text-brand-700 hover:underline">{p.name}</Link>
              <span className="shrink-0 tabular-nums text-slate-600">{f.money(p.amount)}</span>
            </li>
          ))}
        </ul>
      </div>
      <HygieneTile hygiene={data.hygiene} f={f} t={t} />
      <MoversTile data={data} f={f} t={t} />
    </div>
  );
}

type Formats = ReturnType<typeof useHomeFormats>;
type T = ReturnType<typeof useTranslations<'analytics.home'>>;

function RevenueTile({ data, f, t, href, lastYearHref }: { data: Home; f: Formats; t: T; href: string; lastYearHref: string }) {
  const tTargets = useTranslations('targets');
  const { revenue } = data;
  const won = Number(revenue.won);
  const target = revenue.target === null ? null : Number(revenue.target);
  const filled = target ? Math.min(100, (won / target) * 100) : 0;
  return (
    <div className={`${tile} col-span-2`} data-testid="home-revenue">
      <Link href={href} className="block">
        <div className="flex items-baseline justify-between gap-2">
          <span className={label}>{t('revenue', { month: f.month(data.month.from) })}</span>
          {revenue.pace !== null && (
            <span className={`text-xs font-semibold ${revenue.pace >= 1 ? 'text-emerald-700' : 'text-rose-700'}`}>{t('pace', { pace: f.percent(revenue.pace) })}</span>
          )}
        </div>
        <div className="flex items-baseline justify-between gap-2">
          <span className={big}>{f.money(revenue.won)}</span>
          <span className={small}>{target === null ? t('noTarget') : t('ofTarget', { target: f.money(target) })}</span>
        </div>
        {target !== null && (
          <div className="relative mt-1 h-2 rounded-full bg-slate-100" role="img" aria-label={t('progress', { share: f.percent(target ? won / target : null), expected: f.money(revenue.expectedByNow ?? 0) })}>
            <div className="h-2 rounded-full bg-brand-600" style={{ width: `${filled}%` }} />
            {/* Where revenue would be today on a straight line to the target. */}
            <div className="absolute -top-0.5 h-3 w-0.5 bg-slate-700" style={{ left: `${Math.min(100, data.elapsed * 100)}%` }} />
          </div>
        )}
        <div className={`${small} mt-1`}>{revenue.projected !== null && t('projected', { amount: f.money(revenue.projected) })}</div>
        <div className={small} data-testid="home-revenue-forecast">
          {tTargets('forecast', { value: f.money(revenue.forecast) })} · {tTargets('workingDaysLeft', { left: revenue.workingDays.left, total: revenue.workingDays.total })}
        </div>
      </Link>
      <Link href={lastYearHref} className={`${small} block hover:underline`} data-testid="home-last-year">
        {t('lastYear', { month: f.month(revenue.lastYear.from), amount: f.money(revenue.lastYear.sameDays) })}{' '}
        <Change current={won} previous={Number(revenue.lastYear.sameDays)} format={f.money} />
        {' · '}
        {t('lastYearWhole', { amount: f.money(revenue.lastYear.whole) })}
      </Link>
    </div>
  );
}

function HygieneTile({ hygiene, f, t }: { hygiene: Home['hygiene']; f: Formats; t: T }) {
  const worst = [...hygiene].sort((a, b) => b.withoutTask + b.overdueTask + b.unprocessed - (a.withoutTask + a.overdueTask + a.unprocessed)).slice(0, HYGIENE_TEAMS);
  return (
    <div className={`${tile} col-span-2`} data-testid="home-hygiene">
      <div className="flex items-baseline justify-between gap-2">
        <Link href="/team" className={`${label} hover:underline`}>{t('hygiene')}</Link>
        {hygiene.length > worst.length && <Link href="/team" className="text-xs text-brand-700 hover:underline">{t('allTeams', { count: hygiene.length })}</Link>}
      </div>
      <table className="mt-1 w-full table-fixed text-xs">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="w-[34%] text-left font-normal" />
            {HYGIENE.map((group) => <th key={group} scope="col" className="pl-1 text-right align-bottom font-normal leading-tight">{t(`hygieneGroups.${group}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {worst.map((team) => (
            <tr key={team.teamId}>
              <th scope="row" className="truncate py-0.5 pr-1 text-left font-medium">
                <Link href={`/team?teamId=${team.teamId}`} className="text-brand-700 hover:underline">{team.name}</Link>
              </th>
              {HYGIENE.map((group) => (
                <td key={group} className={`text-right tabular-nums ${team[group] > 0 ? 'text-rose-700' : 'text-emerald-700'}`}>{f.count(team[group])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MoversTile({ data, f, t }: { data: Home; f: Formats; t: T }) {
  return (
    <div className={`${tile} col-span-2`} data-testid="home-movers">
      <div className={label}>{t('movers', { month: f.month(data.winRate.previous.from) })}</div>
      {data.movers.length === 0 ? (
        <p className={small}>{t('noMovers')}</p>
      ) : (
        <ul className="mt-0.5 space-y-0.5">
          {data.movers.map((m) => (
            <li key={m.ownerId} className="flex items-baseline justify-between gap-2 text-xs">
              <Link
                href={dealsHref({ status: 'won', ownerId: m.ownerId, closedFrom: data.month.from, closedTo: data.month.to })}
                className="truncate text-brand-700 hover:underline"
                data-testid="home-mover"
              >
                {m.name}
              </Link>
              <span className="shrink-0 tabular-nums text-slate-600">
                {f.money(m.current)} <span className="text-slate-400">/ {f.money(m.previous)}</span>{' '}
                <Change current={Number(m.current)} previous={Number(m.previous)} format={f.money} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
