'use client';

import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { PERIOD_PRESETS, searchParamsFromFilters, type PeriodPreset, type ReportFilterValues } from '@/lib/analytics/report-filters-url';
import { useTRPC } from '@/lib/trpc/client';

const control = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/**
 * The filter bar every report shares: period (presets or custom dates), pipeline, team, manager,
 * source. It writes the filters into the address, so the server renders the report for them and
 * the link can be forwarded as it is.
 */
export function ReportFilterBar({ filters, showTeam, showPipeline = true, showPeriod = true, showSource = true }: { filters: ReportFilterValues; showTeam: boolean; showPipeline?: boolean; showPeriod?: boolean; showSource?: boolean }) {
  const t = useTranslations('analytics.filters');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const { data: pipelines } = useQuery(trpc.reference.pipelines.queryOptions());
  const { data: teams } = useQuery({ ...trpc.reference.teams.queryOptions(), enabled: showTeam });
  const { data: owners } = useQuery(trpc.reference.owners.queryOptions());
  const { data: sources } = useQuery({ ...trpc.reference.leadSources.queryOptions(), enabled: showSource });

  const apply = (change: Partial<ReportFilterValues>) => {
    const next = { ...filters, ...change };
    if (next.period === 'custom' && !(next.from && next.to && next.from < next.to)) {
      // Wait for both dates before asking the server for a custom period.
      if (change.period) next.from = next.to = undefined;
      else return;
    }
    const query = searchParamsFromFilters(next).toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };
  const number = (value: string) => (value ? Number(value) : undefined);

  return (
    <form className="mb-4 flex flex-wrap items-end gap-2 print:hidden" aria-label={t('label')} aria-busy={pending} onSubmit={(event) => event.preventDefault()}>
      {showPeriod && (
        <label className="flex flex-col text-xs text-slate-600">
          {t('period')}
          <select className={control} value={filters.period} onChange={(e) => apply({ period: e.target.value as PeriodPreset })}>
            {PERIOD_PRESETS.map((preset) => <option key={preset} value={preset}>{t(`presets.${preset}`)}</option>)}
          </select>
        </label>
      )}
      {showPeriod && filters.period === 'custom' && (
        <>
          <label className="flex flex-col text-xs text-slate-600">
            {t('from')}
            <input type="date" className={control} defaultValue={filters.from} onChange={(e) => apply({ from: e.target.value || undefined })} />
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            {t('to')}
            <input type="date" className={control} defaultValue={filters.to} onChange={(e) => apply({ to: e.target.value || undefined })} />
          </label>
        </>
      )}
      {showPipeline && (
        <label className="flex flex-col text-xs text-slate-600">
          {t('pipeline')}
          <select className={control} value={filters.pipelineId ?? ''} onChange={(e) => apply({ pipelineId: number(e.target.value) })}>
            <option value="">{t('defaultPipeline')}</option>
            {pipelines?.map((pipeline) => <option key={pipeline.id} value={pipeline.id}>{pipeline.name}</option>)}
          </select>
        </label>
      )}
      {showTeam && (
        <label className="flex flex-col text-xs text-slate-600">
          {t('team')}
          <select className={control} value={filters.teamId ?? ''} onChange={(e) => apply({ teamId: number(e.target.value), ownerId: undefined })}>
            <option value="">{t('allTeams')}</option>
            {teams?.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
          </select>
        </label>
      )}
      <label className="flex flex-col text-xs text-slate-600">
        {t('manager')}
        <select className={control} value={filters.ownerId ?? ''} onChange={(e) => apply({ ownerId: number(e.target.value) })}>
          <option value="">{t('allManagers')}</option>
          {owners?.map((owner) => <option key={owner.id} value={owner.id}>{owner.name}</option>)}
        </select>
      </label>
      {showSource && (
        <label className="flex flex-col text-xs text-slate-600">
          {t('source')}
          <select className={control} value={filters.sourceId ?? ''} onChange={(e) => apply({ sourceId: number(e.target.value) })}>
            <option value="">{t('allSources')}</option>
            {sources?.map((source) => <option key={source.id} value={source.id}>{locale === 'ru' ? source.nameRu : source.nameEn}</option>)}
          </select>
        </label>
      )}
    </form>
  );
}
