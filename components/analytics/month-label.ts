'use client';

import { useLocale } from 'next-intl';

/** A month 'YYYY-MM' as the reader says it ("Nov 2026", "нояб. 2026 г."). */
export function useMonthLabel() {
  const format = new Intl.DateTimeFormat(useLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`));
}
