/**
 * When things happen: sorted creation times over the history window with business growth,
 * seasonality and Russian public holidays, so charts by month and by day look like a real firm.
 */
import { DAY, dayParts, realDayOfBusinessDay } from './business-clock';
import type { Rng } from './random';

/** Relative activity of a calendar day (month 1–12). */
export function seasonFactor(month: number, date: number): number {
  if (month === 1 && date <= 8) return 0.08; // New Year holidays
  if (month === 5 && (date <= 3 || date === 9 || date === 10)) return 0.3;
  if (month === 12 && date >= 20 && date <= 29) return 1.25; // year-end budgets
  if (month === 12 && date >= 30) return 0.3;
  if (month === 7 || month === 8) return 0.85;
  return 1;
}

export type DayWeight = (businessDay: number, progress: number) => number;

/** Default weight: 60 % → 140 % growth over the window times the season. */
export const growingBusiness: DayWeight = (businessDay, progress) => {
  const { month, date } = dayParts(realDayOfBusinessDay(businessDay));
  return (0.6 + 0.8 * progress) * seasonFactor(month, date);
};

/**
 * Exactly `count` sorted virtual times in [from, to): each business day gets its share of the
 * total weight by cumulative rounding, then uniform times inside the day.
 */
export function chronologicalTimes(rng: Rng, count: number, from: number, to: number, weight: DayWeight = growingBusiness): Float64Array {
  const out = new Float64Array(count);
  if (count === 0 || to <= from) return out;
  const firstDay = Math.floor(from / DAY);
  const lastDay = Math.floor((to - 1) / DAY);
  const span = Math.max(1, lastDay - firstDay);
  const weights = new Float64Array(lastDay - firstDay + 1);
  let total = 0;
  for (let k = firstDay; k <= lastDay; k++) {
    const start = Math.max(from, k * DAY);
    const end = Math.min(to, (k + 1) * DAY);
    const w = (weight(k, (k - firstDay) / span) * (end - start)) / DAY;
    weights[k - firstDay] = w;
    total += w;
  }
  let written = 0;
  let cumulative = 0;
  const dayTimes: number[] = [];
  for (let k = firstDay; k <= lastDay; k++) {
    cumulative += weights[k - firstDay]!;
    const target = k === lastDay ? count : Math.round((count * cumulative) / total);
    const n = Math.min(count, target) - written;
    if (n <= 0) continue;
    const start = Math.max(from, k * DAY);
    const end = Math.min(to, (k + 1) * DAY);
    dayTimes.length = 0;
    for (let i = 0; i < n; i++) dayTimes.push(start + Math.floor(rng.next() * (end - start)));
    dayTimes.sort((a, b) => a - b);
    for (const t of dayTimes) out[written++] = t;
  }
  return out;
}

/**
 * Indices 0..n-1 ordered by `keys` (ties by index), via one numeric sort of packed keys:
 * far faster than a comparator sort for millions of rows.
 */
export function orderByKey(keys: Float64Array, resolution: number): Uint32Array {
  const n = keys.length;
  const INDEX_SPACE = 4_194_304; // 2^22 > any row count here
  if (n > INDEX_SPACE) throw new Error('orderByKey: too many rows');
  let origin = Infinity;
  for (let i = 0; i < n; i++) origin = Math.min(origin, keys[i]!);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    packed[i] = Math.floor((keys[i]! - origin) / resolution) * INDEX_SPACE + i;
  }
  packed.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = packed[i]! % INDEX_SPACE;
  return order;
}
