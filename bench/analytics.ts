/**
 * Every analytics report over 12 months on the large organisation (DESIGN.md §7: p95 ≤ 150 ms
 * and ≤ 1.5× the best hand-written SQL for the same figures), org-wide for an executive and for
 * one team's head. Server time of the service call, next to the hand-written statements, on the
 * same data in the same run, alternating so both see the same cache and load.
 * Usage: npx tsx bench/analytics.ts [report…]   (BENCH_DATABASE_URL, default voronka_large; BENCH_ROUNDS)
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from '@/db/client';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { REPORT_CASES } from './analytics/index';
import type { BenchScope } from './analytics/case';
import { summarize, timed } from './stats';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/voronka_large';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const WARMUP = 3;
const TARGET_MS = 150;
const TARGET_RATIO = 1.5;
const only = process.argv.slice(2);

const handle = await openDatabase({ url, maxConnections: 2 });
const { db } = handle;

async function firstOf(role: string): Promise<SessionUser> {
  const [row] = rowsOf<{ id: number }>(await db.execute(sql`select id from users where role = ${role} and is_active and (${role} <> 'head' or team_id is not null) order by id limit 1`));
  return (await loadActiveUser(db, Number(row!.id)))!;
}

/** The last 12 whole months before the organisation's current month. */
async function scopeFor(database: Database, actor: SessionUser): Promise<BenchScope> {
  const [row] = rowsOf<{ from: string; to: string; from_at: string; to_at: string; tz: string }>(
    await database.execute(sql`
      with o as (select coalesce((select time_zone from organisation where id = 1), 'Europe/Moscow') as tz),
      d as (select date_trunc('month', (now() at time zone o.tz))::date as to_date, o.tz from o)
      select (to_date - interval '12 months')::date::text as from, to_date::text as to,
             ((to_date - interval '12 months')::timestamp at time zone tz)::text as from_at,
             (to_date::timestamp at time zone tz)::text as to_at, tz
      from d`),
  );
  return { actor, teamId: actor.role === 'head' ? actor.teamId : null, from: row!.from, to: row!.to, fromAt: row!.from_at, toAt: row!.to_at, timeZone: row!.tz };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10);

try {
  const actors = [await firstOf('executive'), await firstOf('head')];
  console.log(`analytics reports, 12 months, ${ROUNDS} rounds after ${WARMUP} warm-up (server time; hand = best hand-written SQL)`);
  for (const bench of REPORT_CASES.filter((c) => only.length === 0 || only.includes(c.report))) {
    for (const actor of actors) {
      const scope = await scopeFor(db, actor);
      const filters = { period: 'custom' as const, from: scope.from, to: scope.to };
      const statements = bench.handWritten(scope);
      const service: number[] = [];
      const hand: number[] = [];
      for (let round = 0; round < ROUNDS + WARMUP; round++) {
        const [serviceMs] = await timed(() => bench.run({ db, actor }, filters));
        const [handMs] = await timed(() =>
          db.transaction(async (tx) => {
            await tx.execute(sql`set local jit = off`);
            for (const statement of statements) await tx.execute(statement);
          }),
        );
        if (round >= WARMUP) {
          service.push(serviceMs);
          hand.push(handMs);
        }
      }
      const s = summarize(service);
      const h = summarize(hand);
      const ratio = s.p95 / h.p95;
      const met = s.p95 <= TARGET_MS && ratio <= TARGET_RATIO;
      const who = actor.role === 'head' ? 'team' : 'org';
      console.log(
        `${`${bench.report} (${who})`.padEnd(26)} p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  | hand p50 ${fmt(h.p50)}  p95 ${fmt(h.p95)}  | ${ratio.toFixed(2)}×  ${met ? 'met' : 'MISSED'}`,
      );
    }
  }
} finally {
  await handle.close();
}
