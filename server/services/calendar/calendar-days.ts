import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { calendarDays } from '@/db/schema';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { addCalendarDayInput, calendarYearInput, removeCalendarDayInput, type AddCalendarDayInput } from './calendar-schemas';
import { FALLBACK_HOLIDAYS, buildWorkCalendar } from './work-calendar';

function requireAdmin(ctx: ServiceContext) {
  if (ctx.actor.role !== 'admin') throw new ServiceError('FORBIDDEN', 'Only an admin may edit the production calendar');
}

const yearRange = (year: number) => and(gte(calendarDays.day, `${year}-01-01`), lt(calendarDays.day, `${year + 1}-01-01`));

/** One year of the calendar for the editor: its exceptions, whether it is the fallback, its working days. */
export async function getCalendarYear(ctx: ServiceContext, rawInput: { year: number }) {
  requireAdmin(ctx);
  const { year } = calendarYearInput.parse(rawInput);
  const days = await ctx.db
    .select({ id: calendarDays.id, day: calendarDays.day, kind: calendarDays.kind, note: calendarDays.note })
    .from(calendarDays)
    .where(yearRange(year))
    .orderBy(asc(calendarDays.day));
  const calendar = buildWorkCalendar(days);
  return { year, days, fallback: days.length === 0, workingDays: calendar.workingDaysBetween(`${year}-01-01`, `${year + 1}-01-01`) };
}

/**
 * A year's first own day turns off its fallback, so the fixed holidays that fall on weekdays are
 * written first: adding one exception never silently makes New Year a working day.
 */
async function materialiseFallback(tx: Database, year: number, actorId: number) {
  const [any] = await tx.select({ id: calendarDays.id }).from(calendarDays).where(yearRange(year)).limit(1);
  if (any) return;
  const weekdays = FALLBACK_HOLIDAYS.map((md) => `${year}-${md}`).filter((day) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()));
  if (weekdays.length === 0) return;
  const rows = await tx.insert(calendarDays).values(weekdays.map((day) => ({ day, kind: 'holiday' as const }))).returning({ id: calendarDays.id, day: calendarDays.day });
  for (const row of rows) {
    await writeAudit(tx, { actorId, action: 'calendar_day.create', entityType: 'calendar_day', entityId: row.id, changes: { day: [null, row.day], kind: [null, 'holiday'] } });
  }
}

export async function addCalendarDay(ctx: ServiceContext, rawInput: AddCalendarDayInput) {
  requireAdmin(ctx);
  const input = addCalendarDayInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    await materialiseFallback(tx, Number(input.day.slice(0, 4)), ctx.actor.id);
    const [existing] = await tx.select({ id: calendarDays.id, kind: calendarDays.kind }).from(calendarDays).where(eq(calendarDays.day, input.day));
    if (existing) throw new ServiceError('CONFLICT', `day: ${input.day} is already in the calendar`, { kind: existing.kind });
    const [row] = await tx.insert(calendarDays).values({ day: input.day, kind: input.kind, note: input.note || null }).returning({ id: calendarDays.id });
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'calendar_day.create',
      entityType: 'calendar_day',
      entityId: row!.id,
      changes: { day: [null, input.day], kind: [null, input.kind], ...(input.note ? { note: [null, input.note] } : {}) },
    });
    return { id: row!.id };
  });
}

/** Removes an exception: the day becomes an ordinary weekday or weekend again. */
export async function removeCalendarDay(ctx: ServiceContext, rawInput: { id: number }) {
  requireAdmin(ctx);
  const { id } = removeCalendarDayInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(calendarDays).where(eq(calendarDays.id, id)).returning();
    if (!row) throw notFound('Calendar day');
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'calendar_day.delete', entityType: 'calendar_day', entityId: id, changes: { day: [row.day, null], kind: [row.kind, null] } });
    return { id };
  });
}
