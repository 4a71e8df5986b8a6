import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { moveDealToStage } from '@/server/services/deals/move-deal';
import { reopenDeal } from '@/server/services/deals/reopen-deal';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { dealOutcomeMonthlySummary, leadMonthlySummary } from './report-monthly';

const NOW = new Date('2026-11-22T09:30:00Z');

/** Summary rows that differ from a GROUP BY written here, by month in Moscow (the demo's zone). */
async function mismatches(db: Database): Promise<{ leads: number; deals: number }> {
  const [row] = rowsOf<{ leads: number; deals: number }>(
    await db.execute(sql`
      with el as (
        select date_trunc('month', created_at at time zone 'Europe/Moscow')::date as month, owner_id, source_id,
               count(*)::int as created, count(*) filter (where status = 'converted')::int as converted, count(*) filter (where status = 'junk')::int as junk
        from leads group by 1, 2, 3),
      sl as (select month, owner_id, source_id, created, converted, junk from lead_monthly where created <> 0),
      ed as (
        select date_trunc('month', closed_at at time zone 'Europe/Moscow')::date as month, owner_id, source_id, pipeline_id,
               count(*) filter (where status = 'won')::int as won, count(*) filter (where status = 'lost')::int as lost,
               coalesce(sum(amount) filter (where status = 'won'), 0)::numeric(16,2) as won_amount,
               coalesce(sum(extract(epoch from closed_at - created_at)) filter (where status = 'won'), 0)::numeric as won_seconds
        from deals where status in ('won', 'lost') group by 1, 2, 3, 4),
      sd as (select month, owner_id, source_id, pipeline_id, won, lost, won_amount, won_seconds from deal_outcome_monthly where (won, lost) <> (0, 0))
      select ((select count(*) from (select * from el except all select * from sl) a) + (select count(*) from (select * from sl except all select * from el) b))::int as leads,
             ((select count(*) from (select * from ed except all select * from sd) a) + (select count(*) from (select * from sd except all select * from ed) b))::int as deals`),
  );
  return { leads: Number(row!.leads), deals: Number(row!.deals) };
}

describe.each(DRIVERS)('the monthly report summaries equal a recompute, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  let admin: SessionUser;

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: NOW });
    const [row] = rowsOf<{ id: number }>(await database().db.execute(sql`select id from users where role = 'admin' and is_active order by id limit 1`));
    admin = (await loadActiveUser(database().db, Number(row!.id)))!;
  });

  it('after the seed', async () => {
    expect(await mismatches(database().db)).toEqual({ leads: 0, deals: 0 });
    expect(await leadMonthlySummary.rebuild(database().db)).toBe(0);
    expect(await dealOutcomeMonthlySummary.rebuild(database().db)).toBe(0);
  });

  it('after winning, losing and reopening deals, and bulk edits of leads and deals', async () => {
    await inRollback(database().db, async (db) => {
      const ctx = { db, actor: admin };
      const open = rowsOf<{ id: number; version: number; pipeline_id: number }>(
        await db.execute(sql`select id, version, pipeline_id from deals where status = 'open' order by id limit 2`),
      );
      const stageOf = async (pipelineId: number, kind: string) =>
        Number(rowsOf<{ id: number }>(await db.execute(sql`select id from stages where pipeline_id = ${pipelineId} and kind = ${kind} limit 1`))[0]!.id);
      const [reason] = rowsOf<{ id: number }>(await db.execute(sql`select id from loss_reasons order by id limit 1`));
      const won = await moveDealToStage(ctx, { id: open[0]!.id, version: open[0]!.version, stageId: await stageOf(open[0]!.pipeline_id, 'won'), amount: '125000.50' });
      const lost = await moveDealToStage(ctx, { id: open[1]!.id, version: open[1]!.version, stageId: await stageOf(open[1]!.pipeline_id, 'lost'), lossReasonId: Number(reason!.id) });
      await reopenDeal(ctx, { id: won.id, version: won.version, stageId: await stageOf(open[0]!.pipeline_id, 'open') });
      expect(lost.id).toBe(open[1]!.id);

      // Several rows per statement, every column the summaries group by.
      const [other] = rowsOf<{ id: number }>(await db.execute(sql`select id from users where role = 'manager' and is_active order by id desc limit 1`));
      await db.execute(sql`update deals set owner_id = ${other!.id} where id in (select id from deals where status = 'won' order by id limit 5)`);
      await db.execute(sql`update deals set amount = amount + 1, closed_at = closed_at - interval '40 days' where id in (select id from deals where status = 'won' order by id desc limit 5)`);
      await db.execute(sql`update deals set source_id = null where id in (select id from deals where status = 'lost' order by id limit 5)`);
      await db.execute(sql`update leads set status = 'junk', junk_reason_id = (select min(id) from junk_reasons), junked_at = now() where id in (select id from leads where status in ('new', 'in_progress') order by id limit 7)`);
      await db.execute(sql`update leads set owner_id = null, created_at = created_at - interval '3 months' where id in (select id from leads order by id desc limit 4)`);
      await db.execute(sql`delete from leads where id in (select id from leads where status = 'junk' and id not in (select lead_id from deals where lead_id is not null) and id not in (select lead_id from activities where lead_id is not null) order by id limit 3)`);
      await db.execute(sql`update deals set title = title || '!' where status = 'open' and id in (select id from deals order by id limit 10)`);
      expect(await mismatches(db)).toEqual({ leads: 0, deals: 0 });
      expect(await leadMonthlySummary.rebuild(db)).toBe(0);
      expect(await dealOutcomeMonthlySummary.rebuild(db)).toBe(0);
    });
  });

  it('the repair rebuild puts right a summary written around its trigger', async () => {
    await inRollback(database().db, async (db) => {
      await db.execute(sql`select set_config('voronka.bulk_load', 'on', true)`);
      await db.execute(sql`update leads set status = 'junk', junk_reason_id = (select min(id) from junk_reasons), junked_at = now() where id in (select id from leads where status = 'new' order by id limit 2)`);
      await db.execute(sql`select set_config('voronka.bulk_load', 'off', true)`);
      expect((await mismatches(db)).leads).toBeGreaterThan(0);
      expect(await leadMonthlySummary.rebuild(db)).toBeGreaterThan(0);
      expect(await mismatches(db)).toEqual({ leads: 0, deals: 0 });
    });
  });
});
