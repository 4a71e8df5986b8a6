import { check, date, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from './columns';
import { CALENDAR_DAY_KINDS } from './enums';
export { CALENDAR_DAY_KINDS, type CalendarDayKind } from './enums';

/**
 * The production calendar (DESIGN.md §8: pacing on working days): only the days that differ from
 * a Monday–Friday week. A year with no rows falls back to Monday–Friday minus the fixed public
 * holidays (server/services/calendar/work-calendar.ts). Rows are added or removed, never edited.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    id: id(),
    day: date('day').notNull(),
    kind: text('kind', { enum: CALENDAR_DAY_KINDS }).notNull(),
    note: text('note'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('calendar_days_day_unique').on(t.day),
    check('calendar_days_kind_check', sql`${t.kind} in ('holiday', 'working', 'shortened')`),
  ],
);
