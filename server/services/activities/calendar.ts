import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '@/db/client';
import { activities, deals, users } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';

export const calendarInput = z.object({
  /** Any day of the week to show (the organisation's calendar; today when left out). Weeks start on Monday. */
  day: z.iso.date().optional(),
  /** Whose calendar: one's own by default; a head may open a team member's. */
  ownerId: z.number().int().positive().optional(),
});

/**
 * A week of someone's planned work (tasks, calls, meetings with a due moment), done or not,
 * in the organisation's time zone. Out-of-scope owners simply show an empty week.
 */
export async function getWeekCalendar(ctx: ServiceContext, rawInput: z.input<typeof calendarInput>) {
  const input = calendarInput.parse(rawInput);
  const ownerId = input.ownerId ?? ctx.actor.id;
  const [week] = rowsOf<{ start: Date | string; end: Date | string; monday: string; today: string; tz: string }>(
    await ctx.db.execute(sql`
      with tz as (select coalesce((select time_zone from organisation where id = 1), 'Europe/Moscow') as name),
           today as (select (now() at time zone tz.name)::date as day from tz),
           monday as (select date_trunc('week', coalesce(${input.day ?? null}::date, today.day))::date as day from today)
      select (monday.day::timestamp at time zone tz.name) as start,
             ((monday.day + 7)::timestamp at time zone tz.name) as end,
             to_char(monday.day, 'YYYY-MM-DD') as monday, to_char(today.day, 'YYYY-MM-DD') as today, tz.name as tz
      from tz, today, monday`),
  );
  const items = await ctx.db
    .select({
      id: activities.id,
      version: activities.version,
      kind: activities.kind,
      subject: activities.subject,
      dueAt: activities.dueAt,
      doneAt: activities.doneAt,
      dealId: activities.dealId,
      dealTitle: deals.title,
      localDay: sql<string>`to_char(${activities.dueAt} at time zone ${week!.tz}, 'YYYY-MM-DD')`,
    })
    .from(activities)
    .leftJoin(deals, eq(deals.id, activities.dealId))
    .where(
      and(
        eq(activities.ownerId, ownerId),
        ownedWithin(ctx.actor, activities.ownerId),
        inArray(activities.kind, ['task', 'call', 'meeting']),
        gte(activities.dueAt, new Date(week!.start)),
        lt(activities.dueAt, new Date(week!.end)),
      ),
    )
    .orderBy(asc(activities.dueAt));
  const [owner] = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, ownerId));
  const days = Array.from({ length: 7 }, (_, i) => {
    const date = new Date(`${week!.monday}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + i);
    return date.toISOString().slice(0, 10);
  });
  return { owner: owner ?? null, timeZone: week!.tz, today: week!.today, days, items };
}
