import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/client';

/**
 * The organisation's calendar day around `now`: its time zone (organisation settings, else
 * Europe/Moscow), and the instants today and tomorrow begin there. PostgreSQL does the time-zone
 * arithmetic, so daylight-saving rules are right wherever the organisation is.
 */
export async function organisationDay(db: Database, now: Date) {
  const [row] = rowsOf<{ time_zone: string; today_start: Date | string; tomorrow_start: Date | string; week_end: Date | string; local_date: string }>(
    await db.execute(sql`
      with tz as (select coalesce((select time_zone from organisation where id = 1), 'Europe/Moscow') as name),
           local as (select (${now.toISOString()}::timestamptz at time zone tz.name) as at, tz.name from tz)
      select local.name as time_zone,
             (date_trunc('day', local.at) at time zone local.name) as today_start,
             (date_trunc('day', local.at) + interval '1 day') at time zone local.name as tomorrow_start,
             (date_trunc('day', local.at) + interval '7 days') at time zone local.name as week_end,
             to_char(local.at, 'YYYY-MM-DD') as local_date
      from local`),
  );
  return {
    timeZone: row!.time_zone,
    todayStart: new Date(row!.today_start),
    tomorrowStart: new Date(row!.tomorrow_start),
    weekEnd: new Date(row!.week_end),
    localDate: row!.local_date,
  };
}
