import { useLocale } from 'next-intl';

/** Number formats of the target screens: money in full roubles, counts, percentages, a month's name. */
export function useTargetFormats(currency: string) {
  const locale = useLocale();
  const tag = locale === 'ru' ? 'ru-RU' : 'en-GB';
  return {
    money: (value: number) => new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value),
    count: (value: number) => new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value),
    percent: (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(value)),
    month: (month: string) => new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`)),
  };
}

export const METRICS = ['revenue', 'won_deals', 'new_deals', 'calls', 'meetings'] as const;
export type Metric = (typeof METRICS)[number];
