'use client';

import { useLocale, useTranslations } from 'next-intl';

/**
 * "vs the previous period": the earlier figure and the change in per cent (none when it was zero),
 * green when the change is good news (more won deals, fewer lost ones).
 */
export function Compare({ current, previous, format, better = 'higher' }: { current: number; previous: number; format: (value: number) => string; better?: 'higher' | 'lower' }) {
  const t = useTranslations('analytics.compare');
  // The reader's language, not the runtime's default: the server and the browser must agree.
  const locale = useLocale();
  const change = previous === 0 ? null : (current - previous) / Math.abs(previous);
  const good = change !== null && (better === 'higher' ? change > 0 : change < 0);
  const tone = change === null || change === 0 ? 'text-slate-500' : good ? 'text-emerald-700' : 'text-rose-700';
  return (
    <span className={`text-xs ${tone}`}>
      {t('previous', { value: format(previous) })}
      {change !== null && ` · ${change > 0 ? '+' : ''}${new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(change)}`}
    </span>
  );
}
