import type { Database } from '@/db/client';
import { organisationDay } from '../today/org-day';
import { loadWorkCalendar } from '../calendar/work-calendar';
import { firstDay, shiftMonth } from './target-schemas';

/** Where a month stands on the production calendar, seen from the organisation's today. */
export interface MonthClock {
  month: string;
  from: string;
  to: string;
  today: string;
  /** Working days in the month; of them before today; from today (today included) to the month's end. */
  workingDays: { total: number; passed: number; left: number };
  /** The month is over (fact is final: no forecast beyond it). */
  over: boolean;
}

export async function monthClock(db: Database, month: string | undefined, now: Date): Promise<MonthClock> {
  const { localDate: today } = await organisationDay(db, now);
  const chosen = month ?? today.slice(0, 7);
  const from = firstDay(chosen);
  const to = firstDay(shiftMonth(chosen, 1));
  const calendar = await loadWorkCalendar(db, from, to);
  const total = calendar.workingDaysBetween(from, to);
  const cut = today < from ? from : today > to ? to : today;
  const passed = calendar.workingDaysBetween(from, cut);
  return { month: chosen, from, to, today, workingDays: { total, passed, left: total - passed }, over: today >= to };
}
