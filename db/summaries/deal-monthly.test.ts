import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { moveDealToStage } from '@/server/services/deals/move-deal';
import { reassignDeal } from '@/server/services/deals/reassign-deal';
import { reopenDeal } from '@/server/services/deals/reopen-deal';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { dealCohortMonthlySummary, dealLossMonthlySummary, stageStayMonthlySummary } from './report-monthly';

const NOW = new Date('2026-11-22T09:30:00Z');

/**
 * Summary rows that differ from a GROUP BY written here, months in `zone`. The stay bands are
 * spelled out as hours (1, 4, 12 h; 1, 2, 3, 5, 7, 14, 30, 60, 90 days), not taken from the code.
 */
async function mismatches(db: Database, zone = 'Europe/Moscow'): Promise<{ cohort: number; stays: number; losses: number }> {
  const [row] = rowsOf<{ cohort: number; stays: number; losses: number }>(
    await db.execute(sql`
      with ec as (
        select date_trunc('month', created_at at time zone ${zone})::date as month, pipeline_id, owner_id, status, furthest_stage_order,
               count(*)::int as deals, sum(amount)::numeric(16,2) as amount
        from deals group by 1, 2, 3, 4, 5),
      sc as (select month, pipeline_id, owner_id, status, furthest_stage_order, deals, amount from deal_cohort_monthly where deals <> 0),
      stay as (
        select date_trunc('month', d.created_at at time zone ${zone})::date as month, d.pipeline_id, d.owner_id, h.to_stage_id as stage_id,
               extract(epoch from h.left_at - h.changed_at) / 3600 as hours, extract(epoch from h.left_at - h.changed_at) as seconds
        from deals d join deal_stage_history h on h.deal_id = d.id where h.left_at is not null),
      es as (
        select month, pipeline_id, owner_id, stage_id, count(*)::int as stays, sum(seconds) as seconds,
               array[count(*) filter (where hours < 1), count(*) filter (where hours >= 1 and hours < 4), count(*) filter (where hours >= 4 and hours < 12),
                     count(*) filter (where hours >= 12 and hours < 24), count(*) filter (where hours >= 24 and hours < 48), count(*) filter (where hours >= 48 and hours < 72),
                     count(*) filter (where hours >= 72 and hours < 120), count(*) filter (where hours >= 120 and hours < 168), count(*) filter (where hours >= 168 and hours < 336),
                     count(*) filter (where hours >= 336 and hours < 720), count(*) filter (where hours >= 720 and hours < 1440), count(*) filter (where hours >= 1440 and hours < 2160),
                     count(*) filter (where hours >= 2160)]::int[] as bands
        from stay group by 1, 2, 3, 4),
      ss as (
        select month, pipeline_id, owner_id, stage_id, stays, seconds,
               array[stays_0_1h, stays_1h_4h, stays_4h_12h, stays_12h_1d, stays_1d_2d, stays_2d_3d, stays_3d_5d, stays_5d_7d, stays_7d_14d,
                     stays_14d_30d, stays_30d_60d, stays_60d_90d, stays_90d_plus] as bands
        from stage_stay_monthly where stays <> 0),
      el as (
        select date_trunc('month', closed_at at time zone ${zone})::date as month, pipeline_id, source_id, loss_reason_id, lost_from_stage_id,
               count(*)::int as lost, sum(amount)::numeric(16,2) as amount
        from deals where status = 'lost' group by 1, 2, 3, 4, 5),
      sl as (select month, pipeline_id, source_id, loss_reason_id, lost_from_stage_id, lost, amount from deal_loss_monthly where lost <> 0)
      select ((select count(*) from (select * from ec except all select * from sc) a) + (select count(*) from (select * from sc except all select * from ec) b))::int as cohort,
             ((select count(*) from (select * from es except all select * from ss) a) + (select count(*) from (select * from ss except all select * from es) b))::int as stays,
             ((select count(*) from (select * from el except all select * from sl) a) + (select count(*) from (select * from sl except all select * from el) b))::int as losses`),
  );
  return { cohort: Number(row!.cohort), stays: Number(row!.stays), losses: Number(row!.losses) };
}

describe.each(DRIVERS)('the funnel and loss summaries equal a recompute, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  let admin: SessionUser;

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: NOW });
    const [row] = rowsOf<{ id: number }>(await database().db.execute(sql`select id from users where role = 'admin' and is_active order by id limit 1`));
    admin = (await loadActiveUser(database().db, Number(row!.id)))!;
  });

  it('after the seed', async () => {
    const now = await mismatches(database().db);
    expect(now).toEqual({ cohort: 0, stays: 0, losses: 0 });
    const [filled] = rowsOf<{ cohort: number; stays: number }>(
      await database().db.execute(sql`select (select count(*) from deal_cohort_monthly)::int as cohort, (select count(*) from stage_stay_monthly)::int as stays`),
    );
    expect(Number(filled!.cohort)).toBeGreaterThan(0);
    expect(Number(filled!.stays)).toBeGreaterThan(0);
    expect(await dealCohortMonthlySummary.rebuild(database().db)).toBe(0);
    expect(await stageStayMonthlySummary.rebuild(database().db)).toBe(0);
    expect(await dealLossMonthlySummary.rebuild(database().db)).toBe(0);
  });

  it('after moves, wins, losses, reopening, reassignment, history edits and deleted deals', async () => {
    await inRollback(database().db, async (db) => {
      const ctx = { db, actor: admin };
      const open = rowsOf<{ id: number; version: number; pipeline_id: number }>(
        await db.execute(sql`select id, version, pipeline_id from deals where status = 'open' order by id limit 3`),
      );
      const stageOf = async (pipelineId: number, kind: string, position = 0) =>
        Number(
          rowsOf<{ id: number }>(await db.execute(sql`select id from stages where pipeline_id = ${pipelineId} and kind = ${kind} order by sort_order desc offset ${position} limit 1`))[0]!.id,
        );
      const [reason] = rowsOf<{ id: number }>(await db.execute(sql`select id from loss_reasons order by id limit 1`));
      // A move forward closes the current stay (its left_at is set by the history trigger).
      const moved = await moveDealToStage(ctx, { id: open[2]!.id, version: open[2]!.version, stageId: await stageOf(open[2]!.pipeline_id, 'open') });
      const won = await moveDealToStage(ctx, { id: open[0]!.id, version: open[0]!.version, stageId: await stageOf(open[0]!.pipeline_id, 'won'), amount: '125000.50' });
      await moveDealToStage(ctx, { id: open[1]!.id, version: open[1]!.version, stageId: await stageOf(open[1]!.pipeline_id, 'lost'), lossReasonId: Number(reason!.id) });
      await reopenDeal(ctx, { id: won.id, version: won.version, stageId: await stageOf(open[0]!.pipeline_id, 'open') });
      const [colleague] = rowsOf<{ id: number }>(
        await db.execute(sql`select id from users where role = 'manager' and is_active and id <> (select owner_id from deals where id = ${moved.id}) order by id limit 1`),
      );
      await reassignDeal(ctx, { id: moved.id, version: moved.version, ownerId: Number(colleague!.id) });
      expect(await mismatches(db)).toEqual({ cohort: 0, stays: 0, losses: 0 });

      // Several rows per statement, every column the summaries group by.
      await db.execute(sql`update deals set created_at = created_at - interval '35 days' where id in (select id from deals order by id limit 6)`);
      await db.execute(sql`update deals set amount = amount + 10, furthest_stage_order = furthest_stage_order where id in (select id from deals where status = 'won' order by id desc limit 5)`);
      await db.execute(sql`update deals set loss_reason_id = (select max(id) from loss_reasons), source_id = null, closed_at = closed_at - interval '20 days' where id in (select id from deals where status = 'lost' order by id limit 4)`);
      await db.execute(sql`update deal_stage_history set changed_at = changed_at - interval '3 hours' where id in (select id from deal_stage_history where left_at is not null order by id limit 8)`);
      await db.execute(sql`update deal_stage_history set left_at = left_at + interval '9 days' where id in (select id from deal_stage_history where left_at is not null order by id desc limit 4)`);
      await db.execute(sql`delete from deal_stage_history where id in (select id from deal_stage_history where left_at is not null order by id desc limit 3)`);
      const [merged] = rowsOf<{ loser: number; survivor: number }>(
        await db.execute(sql`select (select id from deals where status = 'lost' order by id limit 1) as loser, (select id from deals where status = 'open' and owner_id <> (select owner_id from deals where status = 'lost' order by id limit 1) order by id limit 1) as survivor`),
      );
      await db.execute(sql`update deal_stage_history set deal_id = ${merged!.survivor} where deal_id = ${merged!.loser}`);
      const deletable = sql`select id from deals d where not exists (select 1 from invoices i where i.deal_id = d.id) and not exists (select 1 from proposals p where p.deal_id = d.id)
        and not exists (select 1 from leads l where l.converted_deal_id = d.id) and exists (select 1 from deal_stage_history h where h.deal_id = d.id and h.left_at is not null) order by id desc limit 2`;
      await db.execute(sql`delete from activities where deal_id in (${deletable})`);
      await db.execute(sql`delete from feedback where deal_id in (${deletable})`);
      await db.execute(sql`delete from deals where id in (${deletable})`);
      expect(await mismatches(db)).toEqual({ cohort: 0, stays: 0, losses: 0 });
      expect(await dealCohortMonthlySummary.rebuild(db)).toBe(0);
      expect(await stageStayMonthlySummary.rebuild(db)).toBe(0);
      expect(await dealLossMonthlySummary.rebuild(db)).toBe(0);
    });
  });

  it('moves every month with the organisation time zone', async () => {
    await inRollback(database().db, async (db) => {
      await db.execute(sql`update organisation set time_zone = 'Asia/Vladivostok' where id = 1`);
      expect(await mismatches(db, 'Asia/Vladivostok')).toEqual({ cohort: 0, stays: 0, losses: 0 });
    });
  });

  it('the repair rebuild puts right a summary written around its trigger', async () => {
    await inRollback(database().db, async (db) => {
      await db.execute(sql`select set_config('voronka.bulk_load', 'on', true)`);
      await db.execute(sql`update deals set owner_id = (select max(id) from users where role = 'manager') where id in (select deal_id from deal_stage_history where left_at is not null order by deal_id limit 2)`);
      await db.execute(sql`update deals set loss_reason_id = (select max(id) from loss_reasons) where id in (select id from deals where status = 'lost' and loss_reason_id <> (select max(id) from loss_reasons) order by id limit 2)`);
      await db.execute(sql`select set_config('voronka.bulk_load', 'off', true)`);
      const broken = await mismatches(db);
      expect(broken.cohort).toBeGreaterThan(0);
      expect(broken.stays).toBeGreaterThan(0);
      expect(broken.losses).toBeGreaterThan(0);
      expect(await dealCohortMonthlySummary.rebuild(db)).toBeGreaterThan(0);
      expect(await stageStayMonthlySummary.rebuild(db)).toBeGreaterThan(0);
      expect(await dealLossMonthlySummary.rebuild(db)).toBeGreaterThan(0);
      expect(await mismatches(db)).toEqual({ cohort: 0, stays: 0, losses: 0 });
    });
  });
});
