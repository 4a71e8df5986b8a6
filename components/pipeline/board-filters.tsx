'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/lib/trpc/types';

type Reference = RouterOutputs['reference'];

export interface BoardFilterValues {
  pipelineId: number;
  ownerId?: number;
  sourceId?: number;
  search?: string;
}

const control = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

export function BoardFilters({
  pipelines,
  owners,
  sources,
  value,
  onChange,
}: {
  pipelines: Reference['pipelines'];
  owners: Reference['owners'];
  sources: Reference['leadSources'];
  value: BoardFilterValues;
  onChange: (next: BoardFilterValues) => void;
}) {
  const t = useTranslations('pipeline.filters');
  const locale = useLocale();
  const optionalNumber = (raw: string) => (raw ? Number(raw) : undefined);
  return (
    <div className="flex flex-wrap gap-2">
      <select aria-label={t('pipeline')} value={value.pipelineId} onChange={(e) => onChange({ ...value, pipelineId: Number(e.target.value) })} className={control}>
        {pipelines.map((pipeline) => (
          <option key={pipeline.id} value={pipeline.id}>{pipeline.name}</option>
        ))}
      </select>
      {owners.length > 1 && (
        <select aria-label={t('owner')} value={value.ownerId ?? ''} onChange={(e) => onChange({ ...value, ownerId: optionalNumber(e.target.value) })} className={control}>
          <option value="">{t('anyOwner')}</option>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>{owner.name}</option>
          ))}
        </select>
      )}
      <select aria-label={t('source')} value={value.sourceId ?? ''} onChange={(e) => onChange({ ...value, sourceId: optionalNumber(e.target.value) })} className={control}>
        <option value="">{t('anySource')}</option>
        {sources.map((source) => (
          <option key={source.id} value={source.id}>{locale === 'ru' ? source.nameRu : source.nameEn}</option>
        ))}
      </select>
      <input
        type="search"
        aria-label={t('search')}
        placeholder={t('search')}
        value={value.search ?? ''}
        onChange={(e) => onChange({ ...value, search: e.target.value })}
        className={`${control} min-w-0 flex-1 sm:max-w-xs`}
      />
    </div>
  );
}
