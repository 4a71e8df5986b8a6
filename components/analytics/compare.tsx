'use client';

import { useTranslations } from 'next-intl';

/** "vs the previous period": the earlier figure and the change in per cent (none when it was zero). */
export function Compare({ current, previous, format }: { current: number; previous: number; format: (value: number) => string }) {
  const t = useTranslations('analytics.compare');
  const change = previous === 0 ? null : (current - previous) / Math.abs(previous);
  const tone = change === null || change === 0 ? 'text-slate-500' : change > 0 ? 'text-emerald-700' : 'text-rose-700';
  return (
    <span className={`text-xs ${tone}`}>
      {t('previous', { value: format(previous) })}
      {change !== null && ` · ${change > 0 ? '+' : ''}${new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(change)}`}
    </span>
  );
}
