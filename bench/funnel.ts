/**
 * Deal funnel and pipeline snapshot on the large organisation (DESIGN.md §7: each analytics
 * report over 12 months p95 ≤ 150 ms), server time of the service calls on real PostgreSQL.
 * Usage: npx tsx bench/funnel.ts   (BENCH_DATABASE_URL, default voronka_large on 127.0.0.1)
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '@/db/client';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { dealFunnel } from '@/server/services/analytics/funnel';
import { pipelineSnapshot } from '@/server/services/analytics/pipeline-snapshot';
import type { ReportFiltersInput } from '@/server/services/analytics/report-filters';
import { report, timed } from './stats';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/voronka_large';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const handle = await openDatabase({ url, maxConnections: 2 });
const { db } = handle;
const firstOf = async (role: string): Promise<SessionUser> => {
  const [row] = rowsOf<{ id: number }>(await db.execute(sql`select id from users where role = ${role} and is_active order by id limit 1`));
  return (await loadActiveUser(db, Number(row!.id)))!;
};

async function measure(label: string, run: () => Promise<unknown>, target?: number) {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS + 3; i++) {
    const [ms] = await timed(run);
    if (i >= 3) samples.push(ms);
  }
  report(label, samples, target);
}

try {
  const [executive, head] = [await firstOf('executive'), await firstOf('head')];
  const year: ReportFiltersInput = { period: 'custom', from: '2025-11-01', to: '2026-11-01' };
  await measure('funnel, 12 months, organisation', () => dealFunnel({ db, actor: executive }, year), 150);
  await measure('funnel, 12 months, one team (head)', () => dealFunnel({ db, actor: head }, year), 150);
  await measure('funnel, this month, organisation', () => dealFunnel({ db, actor: executive }, { period: 'thisMonth' }), 150);
  await measure('pipeline snapshot, organisation', () => pipelineSnapshot({ db, actor: executive }, {}), 150);
  await measure('pipeline snapshot, one team (head)', () => pipelineSnapshot({ db, actor: head }, {}), 150);
} finally {
  await handle.close();
}
