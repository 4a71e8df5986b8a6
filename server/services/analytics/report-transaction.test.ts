import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { inRollback, useFreshDatabase } from '@/test/test-database';
import { sourcesReport } from './sources-report';
import { inReportParts } from './report-transaction';

const NOW = new Date('2026-11-22T09:30:00Z');

describe('reports read where ctx.reportDb points (the replica when DATABASE_REPLICA_URL is set)', () => {
  const database = useFreshDatabase('postgres');
  let executive: SessionUser;

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: NOW });
    const [row] = rowsOf<{ id: number }>(await database().db.execute(sql`select id from users where role = 'executive' and is_active order by id limit 1`));
    executive = (await loadActiveUser(database().db, Number(row!.id)))!;
  });

  it('counts the report database’s rows, not the primary’s', async () => {
    const filters = { period: 'year' as const };
    const primary = await sourcesReport({ db: database().db, actor: executive }, filters, { now: NOW });
    expect(primary.totals.leads).toBeGreaterThan(0);
    // A "replica" whose copy of this year's leads differs: an uncommitted transaction.
    await inRollback(database().db, async (replica) => {
      await replica.execute(sql`update leads set created_at = created_at - interval '10 years' where created_at >= '2026-01-01T00:00:00+03:00'`);
      const fromReplica = await sourcesReport({ db: database().db, reportDb: replica, actor: executive }, filters, { now: NOW });
      expect(fromReplica.totals.leads).toBe(0);
      expect(fromReplica.totals.won).toBe(primary.totals.won);
    });
  });
});

describe('inReportParts', () => {
  const database = useFreshDatabase('postgres');
  let executive: SessionUser;
  const backend = async (ctx: { db: import('@/db/client').Database }) => {
    const [row] = rowsOf<{ pid: number; jit: string; isolation: string }>(
      await ctx.db.execute(sql`select pg_backend_pid() as pid, current_setting('jit') as jit, current_setting('transaction_isolation') as isolation, pg_sleep(0.2)`),
    );
    return row!;
  };

  beforeAll(async () => {
    const [row] = rowsOf<{ id: number }>(await database().db.execute(sql`select id from users order by id limit 1`));
    executive = { id: Number(row?.id ?? 1), role: 'executive' } as SessionUser;
  });

  it('runs the parts at once, each on its own connection with the report settings, on a PostgreSQL pool', async () => {
    const started = Date.now();
    const { a, b } = await inReportParts({ db: database().db, actor: executive }, { a: backend, b: backend });
    expect(a.pid).not.toBe(b.pid);
    expect([a.jit, b.jit]).toEqual(['off', 'off']);
    // Two 200 ms sleeps side by side, not one after the other.
    expect(Date.now() - started).toBeLessThan(390);
  });

  it('runs them one after the other in the caller’s transaction, which sees its own writes', async () => {
    await inRollback(database().db, async (tx) => {
      await tx.execute(sql`create temporary table parts_probe (n int) on commit drop`);
      await tx.execute(sql`insert into parts_probe values (1)`);
      const count = async (ctx: { db: import('@/db/client').Database }) =>
        Number(rowsOf<{ n: number }>(await ctx.db.execute(sql`select count(*)::int as n from parts_probe`))[0]!.n);
      const { a, b, c, d } = await inReportParts({ db: tx, actor: executive }, { a: backend, b: backend, c: count, d: count });
      expect(a.pid).toBe(b.pid);
      expect([c, d]).toEqual([1, 1]);
    });
  });

  it('fails when a part fails, after the other parts have finished', async () => {
    let finished = false;
    await expect(
      inReportParts(
        { db: database().db, actor: executive },
        {
          bad: async (ctx) => ctx.db.execute(sql`select 1 / 0`),
          slow: async (ctx) => {
            await backend(ctx);
            finished = true;
          },
        },
      ),
    ).rejects.toThrow(/select 1 \/ 0/);
    expect(finished).toBe(true);
  });
});
