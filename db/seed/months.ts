/** Calendar months in Moscow time, for targets and for the activity tally behind them. */
import { dayFromParts, dayParts, isoDay, mskDayStart } from './business-clock';

export interface Month {
  /** 'YYYY-MM-01'. */
  first: string;
  /** Real UTC ms bounds [start, end). */
  start: number;
  end: number;
}

/** The `count` months ending with the month of `today` (oldest first). */
export function recentMonths(today: number, count: number): Month[] {
  const { year, month } = dayParts(today);
  const months: Month[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const firstDay = dayFromParts(y, m, 1);
    const nextFirst = dayFromParts(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1);
    months.push({ first: isoDay(firstDay), start: mskDayStart(firstDay), end: mskDayStart(nextFirst) });
  }
  return months;
}

/** Index of the month containing `realMs`, or -1. */
export function monthIndex(months: readonly Month[], realMs: number): number {
  for (let i = 0; i < months.length; i++) {
    if (realMs >= months[i]!.start && realMs < months[i]!.end) return i;
  }
  return -1;
}
