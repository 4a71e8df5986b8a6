/**
 * Kanban benchmark on the large organisation (DESIGN.md §7: one manager's kanban p95 ≤ 50 ms,
 * a stage move ≤ 30 ms), server time of the service calls on real PostgreSQL.
 * Usage: npm run db:seed -- --scale large (once, on BENCH_DATABASE_URL), then
 *        npx tsx bench/kanban.ts
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '@/db/client';
import { loadActiveUser } from '@/server/auth/session-user';
import { getBoard } from '@/server/services/deals/board';
import { moveDealToStage } from '@/server/services/deals/move-deal';
import { rolledBack } from './rolled-back';
import { report, timed } from './stats';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/voronka_large';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

const handle = await openDatabase({ url, maxConnections: 4 });
const { db } = handle;
try {
  const [busiest] = rowsOf<{ owner_id: number; pipeline_id: number; open_deals: number }>(
    await db.execute(sql`
      select owner_id, pipeline_id, count(*)::int as open_deals from deals
      where status = 'open' group by owner_id, pipeline_id order by count(*) desc limit 1`),
  );
  if (!busiest) throw new Error('no open deals: generate the large organisation first');
  const manager = (await loadActiveUser(db, busiest.owner_id))!;
  console.log(`large organisation at ${url.replace(/\/\/.*@/, '//')}: manager #${manager.id} has ${busiest.open_deals} open deals in pipeline #${busiest.pipeline_id}`);
  const ctx = { db, actor: manager };

  const boardTimes: number[] = [];
  for (let i = 0; i < ROUNDS + 20; i++) {
    const [ms] = await timed(() => getBoard(ctx, { pipelineId: busiest.pipeline_id }));
    if (i >= 20) boardTimes.push(ms);
  }
  report("one manager's kanban (getBoard)", boardTimes, 50);

  const candidates = rowsOf<{ id: number; version: number; next_stage: number }>(
    await db.execute(sql`
      select d.id, d.version, (select s2.id from stages s2 where s2.pipeline_id = d.pipeline_id and s2.kind = 'open'
                               and s2.sort_order > s.sort_order and not s2.is_archived order by s2.sort_order limit 1) as next_stage
      from deals d join stages s on s.id = d.stage_id
      where d.owner_id = ${manager.id} and d.status = 'open'
      order by d.id limit ${ROUNDS + 20}`),
  ).filter((row) => row.next_stage !== null);
  const moveTimes: number[] = [];
  for (const [i, deal] of candidates.entries()) {
    await rolledBack(db, async (tx) => {
      const [ms] = await timed(() => moveDealToStage({ db: tx, actor: manager }, { id: deal.id, version: deal.version, stageId: deal.next_stage }));
      if (i >= 20) moveTimes.push(ms);
    });
  }
  report('stage move (moveDealToStage)', moveTimes, 30);
} finally {
  await handle.close();
}
