import { and, gte, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { calendarDays, type CalendarDayKind } from '@/db/schema';

/**
 * Working days on the production calendar (table calendar_days: the days that differ from a
 * Monday–Friday week). A year without any row falls back to Monday–Friday minus the fixed public
 * holidays below, so pacing never stops for lack of a calendar. Dates are ISO `YYYY-MM-DD`.
 */

/** The fixed public holidays (month-day) of the fallback year: Labour Code art. 112. */
export const FALLBACK_HOLIDAYS = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04'] as const;

export interface WorkCalendar {
  isWorkingDay(day: string): boolean;
  /** Working days in the half-open range [from, to). */
  workingDaysBetween(from: string, to: string): number;
}

const DAY_MS = 86_400_000;

/** The ISO date `n` days after `day`. */
export function addIsoDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** A calendar from its exception rows; `years` are the years those rows cover (loaded or not). */
export function buildWorkCalendar(exceptions: { day: string; kind: CalendarDayKind }[]): WorkCalendar {
  const kinds = new Map(exceptions.map((row) => [row.day, row.kind]));
  const definedYears = new Set(exceptions.map((row) => row.day.slice(0, 4)));
  const isWorkingDay = (day: string) => {
    const kind = kinds.get(day);
    if (kind) return kind !== 'holiday';
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return definedYears.has(day.slice(0, 4)) || !(FALLBACK_HOLIDAYS as readonly string[]).includes(day.slice(5));
  };
  return {
    isWorkingDay,
    workingDaysBetween(from, to) {
      let count = 0;
      for (let day = from; day < to; day = addIsoDays(day, 1)) if (isWorkingDay(day)) count++;
      return count;
    },
  };
}

/** The calendar of the whole years that [from, to) touches. */
export async function loadWorkCalendar(db: Database, from: string, to: string): Promise<WorkCalendar> {
  const rows = await db
    .select({ day: calendarDays.day, kind: calendarDays.kind })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${from.slice(0, 4)}-01-01`), lt(calendarDays.day, `${Number(to.slice(0, 4)) + 1}-01-01`)));
  return buildWorkCalendar(rows);
}

/** Working days in [from, to) on the organisation's production calendar. */
export async function workingDaysBetween(db: Database, from: string, to: string): Promise<number> {
  return (await loadWorkCalendar(db, from, to)).workingDaysBetween(from, to);
}
