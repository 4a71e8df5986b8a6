import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import type { ServiceContext } from '../context';

/**
 * The calendar the executive home compares on: the organisation's current month so far, the
 * previous month and the same month a year ago — as org-local dates (for links to reports) and as
 * the instants they begin (inlined into queries as literals, so the planner sees the ranges).
 *
 * "The same days" of an earlier month: from its start, as long as this month has run so far
 * (in local time), but not past its own end — 31 March compares with February up to its end.
 * Instants are ISO strings in UTC; `instant()` makes the SQL literal.
 */
export interface HomeClock {
  timeZone: string;
  /** This month: [from, to) dates, the instants they begin. */
  month: { from: string; to: string; fromAt: string; toAt: string };
  previous: { from: string; to: string; fromAt: string; toAt: string; sameDaysAt: string };
  lastYear: { from: string; to: string; fromAt: string; toAt: string; sameDaysAt: string };
  /** How much of this month has passed, 0..1, by the clock (for pacing against the target). */
  elapsed: number;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A timestamptz literal (checked against INSTANT, so nothing foreign reaches the SQL text). */
export function instant(iso: string): SQL {
  if (!INSTANT.test(iso)) throw new Error(`unexpected instant ${iso}`);
  return sql.raw(`'${iso}'::timestamptz`);
}

function checked(iso: string): string {
  if (!INSTANT.test(iso)) throw new Error(`unexpected instant ${iso}`);
  return iso;
}

function date(value: string): string {
  if (!DATE.test(value)) throw new Error(`unexpected date ${value}`);
  return value;
}

export async function homeClock(ctx: ServiceContext, now: Date): Promise<HomeClock> {
  const [row] = rowsOf<Record<string, string>>(
    await ctx.db.execute(sql`
      with tz as (select coalesce((select time_zone from organisation where id = 1), 'Europe/Moscow') as name),
      l as (select tz.name, (${now.toISOString()}::timestamptz at time zone tz.name) as local from tz),
      m as (select name, local, date_trunc('month', local) as ms from l),
      b as (
        select name, ms, local - ms as so_far,
               ms + interval '1 month' as me, ms - interval '1 month' as ps,
               ms - interval '12 months' as lys, ms - interval '11 months' as lye
        from m
      ),
      t as (
        select name, ms, me, ps, lys, lye,
               least(ps + so_far, ms) as ps_same, least(lys + so_far, lye) as lys_same
        from b
      )
      select name as time_zone,
             ms::date::text as month_from, me::date::text as month_to, ps::date::text as prev_from, lys::date::text as ly_from, lye::date::text as ly_to,
             ${iso(sql`ms`)} as ms_at, ${iso(sql`me`)} as me_at, ${iso(sql`ps`)} as ps_at, ${iso(sql`lys`)} as lys_at, ${iso(sql`lye`)} as lye_at,
             ${iso(sql`ps_same`)} as ps_same_at, ${iso(sql`lys_same`)} as lys_same_at,
             (extract(epoch from ${now.toISOString()}::timestamptz - (ms at time zone name)) / extract(epoch from (me at time zone name) - (ms at time zone name)))::float8 as elapsed
      from t`),
  );
  const r = row!;
  return {
    timeZone: r.time_zone!,
    month: { from: date(r.month_from!), to: date(r.month_to!), fromAt: checked(r.ms_at!), toAt: checked(r.me_at!) },
    previous: { from: date(r.prev_from!), to: date(r.month_from!), fromAt: checked(r.ps_at!), toAt: checked(r.ms_at!), sameDaysAt: checked(r.ps_same_at!) },
    lastYear: { from: date(r.ly_from!), to: date(r.ly_to!), fromAt: checked(r.lys_at!), toAt: checked(r.lye_at!), sameDaysAt: checked(r.lys_same_at!) },
    elapsed: Math.min(1, Math.max(0, Number(r.elapsed))),
  };
}

/** A local timestamp (of the zone in column `name`) as an ISO instant in UTC. */
function iso(local: SQL): SQL {
  return sql`to_char((${local} at time zone name) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
