import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { inRollback, useFreshDatabase } from '@/test/test-database';
import { sourcesReport } from './sources-report';

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
