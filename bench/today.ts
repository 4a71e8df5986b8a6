/**
 * Today screen, hygiene board and automation pass on the large organisation (DESIGN.md §7:
 * Today p95 ≤ 50 ms), server time of the service calls on real PostgreSQL.
 * Usage: npx tsx bench/today.ts   (BENCH_DATABASE_URL, default voronka_large on 127.0.0.1)
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '@/db/client';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { runAutomations } from '@/server/services/automations/run-automations';
import { getHygieneBoard } from '@/server/services/today/hygiene-board';
import { getToday } from '@/server/services/today/get-today';
import { rolledBack } from './rolled-back';
import { report, timed } from './stats';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/voronka_large';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

const handle = await openDatabase({ url, maxConnections: 4 });
const { db } = handle;
const users = async (role: string) => {
  const ids = rowsOf<{ id: number }>(await db.execute(sql`select id from users where role = ${role} and is_active order by id`));
  return (await Promise.all(ids.map((row) => loadActiveUser(db, row.id)))).filter((u): u is SessionUser => u !== null);
};
try {
  const [managers, heads, [executive]] = [await users('manager'), await users('head'), await users('executive')];
  console.log(`large organisation: ${managers.length} managers, ${heads.length} heads`);

  const todayTimes: number[] = [];
  for (let i = 0; i < ROUNDS + 20; i++) {
    const manager = managers[(i * 7) % managers.length]!;
    const [ms] = await timed(() => getToday({ db, actor: manager }));
    if (i >= 20) todayTimes.push(ms);
  }
  report('Today screen (getToday), one manager', todayTimes, 50);

  const teamTimes: number[] = [];
  for (let i = 0; i < ROUNDS + 20; i++) {
    const [ms] = await timed(() => getHygieneBoard({ db, actor: heads[i % heads.length]! }));
    if (i >= 20) teamTimes.push(ms);
  }
  report('hygiene board, one team (head)', teamTimes, 50);

  const orgTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const [ms] = await timed(() => getHygieneBoard({ db, actor: executive! }));
    if (i >= 5) orgTimes.push(ms);
  }
  report('hygiene board, whole organisation (executive)', orgTimes);

  // The first pass catches up with everything due (on generated data: thousands of tasks); the
  // next one is what a scheduler tick costs once the organisation is up to date.
  for (let i = 0; i < 2; i++) {
    await rolledBack(db, async (tx) => {
      const first = await runAutomations(tx);
      const next = await runAutomations(tx);
      console.log(`automation pass over the organisation: catch-up ${first.ms.toFixed(0)} ms creating ${JSON.stringify(first.created)}; steady-state ${next.ms.toFixed(0)} ms creating ${JSON.stringify(next.created)} (rolled back)`);
    });
  }
} finally {
  await handle.close();
}
