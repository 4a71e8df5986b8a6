/**
 * Time for generated data. The generator thinks in "virtual" time where every day is a working
 * day; `toReal` maps it onto Moscow working hours (09:00–19:00, Monday–Friday). The mapping is
 * strictly monotonic, so any ordering decided in virtual time (stage moves, task after call)
 * survives, and no generated call happens at 3 a.m. or on a Sunday.
 *
 * Europe/Moscow has been a fixed UTC+3 since 2014, so plain arithmetic is exact.
 */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const MSK_OFFSET = 3 * HOUR;
const WORK_START = 9 * HOUR;
const WORK_LENGTH = 10 * HOUR;
/** 1970-01-05, a Monday, as a Moscow day number: business day 0. */
const FIRST_MONDAY = 4;

/** Days since 1970-01-01 on the Moscow calendar. */
export function mskDay(realMs: number): number {
  return Math.floor((realMs + MSK_OFFSET) / DAY);
}

/** The UTC instant at which a Moscow calendar day starts. */
export function mskDayStart(day: number): number {
  return day * DAY - MSK_OFFSET;
}

/** 0 = Monday ... 6 = Sunday. */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** 'YYYY-MM-DD' of a Moscow day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function mskDate(realMs: number): string {
  return isoDay(mskDay(realMs));
}

/** Calendar parts of a Moscow day number (month 1–12). */
export function dayParts(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

export function dayFromParts(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month - 1, date) / DAY);
}

function businessDayToDay(k: number): number {
  return FIRST_MONDAY + 7 * Math.floor(k / 5) + (k - 5 * Math.floor(k / 5));
}

/** Real time (UTC ms, whole seconds) of a virtual instant. */
export function toReal(virtualMs: number): number {
  const k = Math.floor(virtualMs / DAY);
  const inDay = virtualMs - k * DAY;
  const ms = mskDayStart(businessDayToDay(k)) + WORK_START + Math.floor((inDay * WORK_LENGTH) / DAY);
  return ms - (((ms % SECOND) + SECOND) % SECOND);
}

/** Virtual instant of a real one; outside working hours it snaps to the nearest working edge. */
export function toVirtual(realMs: number): number {
  const day = mskDay(realMs);
  const dow = weekday(day);
  const w = day - FIRST_MONDAY;
  const week = Math.floor(w / 7);
  if (dow >= 5) return (week + 1) * 5 * DAY;
  const k = week * 5 + dow;
  const local = realMs - mskDayStart(day);
  if (local < WORK_START) return k * DAY;
  if (local >= WORK_START + WORK_LENGTH) return (k + 1) * DAY;
  return k * DAY + Math.floor(((local - WORK_START) * DAY) / WORK_LENGTH);
}

/** Moscow calendar day of a virtual business day index. */
export function realDayOfBusinessDay(k: number): number {
  return businessDayToDay(k);
}
