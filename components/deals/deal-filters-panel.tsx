'use client';

import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useTRPC } from '@/lib/trpc/client';
import type { RouterOutputs } from '@/lib/trpc/types';
import type { DealFilters } from '@/server/services/deals/schemas';

type Reference = RouterOutputs['reference'];
export type DealFilterValues = Partial<Record<keyof DealFilters, string>>;

const control = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** The list's filters as form values (strings); `toDealFilters` turns them into the API's shape. */
export function DealFiltersPanel({
  value,
  onChange,
  pipelines,
  owners,
  sources,
}: {
  value: DealFilterValues;
  onChange: (next: DealFilterValues) => void;
  pipelines: Reference['pipelines'];
  owners: Reference['owners'];
  sources: Reference['leadSources'];
}) {
  const t = useTranslations('deals.filters');
  const locale = useLocale();
  const set = (key: keyof DealFilters) => (event: { target: { value: string } }) => {
    const next = { ...value, [key]: event.target.value };
    if (key === 'pipelineId') {
      delete next.stageId;
      delete next.reachedStageId;
      delete next.lostFromStageId;
    }
    onChange(next);
  };
  const stages = pipelines.find((p) => String(p.id) === value.pipelineId)?.stages ?? [];
  return (
    <div className="space-y-2">
      <ReportFilterChips value={value} onChange={onChange} pipelines={pipelines} />
      <div className="grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6">
        <label className="text-xs font-medium text-slate-600">
          {t('status')}
          <select value={value.status ?? ''} onChange={set('status')} className={control}>
            <option value="">{t('any')}</option>
            <option value="open">{t('statuses.open')}</option>
            <option value="won">{t('statuses.won')}</option>
            <option value="lost">{t('statuses.lost')}</option>
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t('pipeline')}
          <select value={value.pipelineId ?? ''} onChange={set('pipelineId')} className={control}>
            <option value="">{t('any')}</option>
            {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t('stage')}
          <select value={value.stageId ?? ''} onChange={set('stageId')} disabled={stages.length === 0} className={control}>
            <option value="">{t('any')}</option>
            {stages.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        {owners.length > 1 && (
          <label className="text-xs font-medium text-slate-600">
            {t('owner')}
            <select value={value.ownerId ?? ''} onChange={set('ownerId')} className={control}>
              <option value="">{t('any')}</option>
              {owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </label>
        )}
        <label className="text-xs font-medium text-slate-600">
          {t('source')}
          <select value={value.sourceId ?? ''} onChange={set('sourceId')} className={control}>
            <option value="">{t('any')}</option>
            {sources.map((s) => <option key={s.id} value={s.id}>{locale === 'ru' ? s.nameRu : s.nameEn}</option>)}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t('amountMin')}
          <input inputMode="decimal" value={value.amountMin ?? ''} onChange={set('amountMin')} className={control} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t('amountMax')}
          <input inputMode="decimal" value={value.amountMax ?? ''} onChange={set('amountMax')} className={control} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t('createdFrom')}
          <input type="date" value={value.createdFrom ?? ''} onChange={set('createdFrom')} className={control} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t('createdTo')}
          <input type="date" value={value.createdTo ?? ''} onChange={set('createdTo')} className={control} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t('closedFrom')}
          <input type="date" value={value.closedFrom ?? ''} onChange={set('closedFrom')} className={control} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t('closedTo')}
          <input type="date" value={value.closedTo ?? ''} onChange={set('closedTo')} className={control} />
        </label>
      </div>
    </div>
  );
}

/**
 * Filters a report's drill-down link may set that the panel has no control for (team, stage
 * reached, loss reason): shown as chips, each removable, so the list never filters invisibly.
 */
function ReportFilterChips({ value, onChange, pipelines }: { value: DealFilterValues; onChange: (next: DealFilterValues) => void; pipelines: Reference['pipelines'] }) {
  const t = useTranslations('deals.filters');
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: teams } = useQuery({ ...trpc.reference.teams.queryOptions(), enabled: Boolean(value.teamId) });
  const { data: reasons } = useQuery({ ...trpc.reference.lossReasons.queryOptions(), enabled: Boolean(value.lossReasonId) });
  const stageName = (id: string | undefined) => pipelines.flatMap((p) => p.stages).find((s) => String(s.id) === id)?.name ?? '…';
  const reason = reasons?.find((r) => String(r.id) === value.lossReasonId);
  const chips = [
    value.teamId && { key: 'teamId' as const, text: t('chips.team', { name: teams?.find((team) => String(team.id) === value.teamId)?.name ?? '…' }) },
    value.reachedStageId && { key: 'reachedStageId' as const, text: t('chips.reachedStage', { name: stageName(value.reachedStageId) }) },
    value.lostFromStageId && { key: 'lostFromStageId' as const, text: t('chips.lostFromStage', { name: stageName(value.lostFromStageId) }) },
    value.lossReasonId && { key: 'lossReasonId' as const, text: t('chips.lossReason', { name: reason ? (locale === 'ru' ? reason.nameRu : reason.nameEn) : '…' }) },
  ].filter((chip): chip is { key: 'teamId' | 'reachedStageId' | 'lossReasonId' | 'lostFromStageId'; text: string } => Boolean(chip));
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t('chips.label')}>
      {chips.map((chip) => (
        <li key={chip.key} className="flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-xs text-brand-800">
          {chip.text}
          <button
            type="button"
            aria-label={t('chips.remove', { filter: chip.text })}
            onClick={() => {
              const next = { ...value };
              delete next[chip.key];
              onChange(next);
            }}
            className="ml-1 font-semibold"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

const NUMERIC = new Set<keyof DealFilters>(['pipelineId', 'stageId', 'ownerId', 'sourceId', 'teamId', 'reachedStageId', 'lossReasonId', 'lostFromStageId']);
/** "To" dates are inclusive in the form and exclusive in the API ([from, to) periods). */
const INCLUSIVE_END = new Set<keyof DealFilters>(['createdTo', 'closedTo']);

export function toDealFilters(values: DealFilterValues): Record<string, string | number> {
  const filters: Record<string, string | number> = {};
  for (const [key, raw] of Object.entries(values) as [keyof DealFilters, string | undefined][]) {
    const value = raw?.trim();
    if (!value) continue;
    if (NUMERIC.has(key)) filters[key] = Number(value);
    else if (INCLUSIVE_END.has(key)) filters[key] = nextDay(value);
    else filters[key] = value;
  }
  return filters;
}

/** API-shaped filters (e.g. from the address) as form values: the inverse of `toDealFilters`. */
export function toDealFilterValues(filters: Partial<Record<keyof DealFilters, string | number | undefined>>): DealFilterValues {
  const values: DealFilterValues = {};
  for (const [key, raw] of Object.entries(filters) as [keyof DealFilters, string | number | undefined][]) {
    if (raw === undefined || raw === '') continue;
    values[key] = INCLUSIVE_END.has(key) ? shiftDay(String(raw), -1) : String(raw);
  }
  return values;
}

function nextDay(isoDate: string): string {
  return shiftDay(isoDate, 1);
}

function shiftDay(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate; // the server names the field
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
