import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { moveDealToStage } from '@/server/services/deals/move-deal';
import { reopenDeal } from '@/server/services/deals/reopen-deal';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { stageStays } from './stage-stays';

const NOW = new Date('2026-11-22T09:30:00Z');

/** Rows whose stored left_at differs from the next history row's changed_at, by a query of its own. */
async function wrongStays(db: Database): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from deal_stage_history h
      where h.left_at is distinct from (
        select n.changed_at from deal_stage_history n
        where n.deal_id = h.deal_id and (n.changed_at, n.id) > (h.changed_at, h.id)
        order by n.changed_at, n.id limit 1)`),
  );
  return Number(row!.n);
}

describe.each(DRIVERS)('time in stage (deal_stage_history.left_at) equals a recompute, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  let admin: SessionUser;

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: NOW });
    const [row] = rowsOf<{ id: number }>(await database().db.execute(sql`select id from users where role = 'admin' and is_active order by id limit 1`));
    admin = (await loadActiveUser(database().db, Number(row!.id)))!;
  });

  it('after the seed', async () => {
    expect(await wrongStays(database().db)).toBe(0);
    expect(await stageStays.rebuild(database().db)).toBe(0);
  });

  it('after moves, a loss, a reopening, a back-dated row, a re-pointed row and a deleted row', async () => {
    await inRollback(database().db, async (db) => {
      const ctx = { db, actor: admin };
      const [deal] = rowsOf<{ id: number; version: number; pipeline_id: number; sort_order: number }>(
        await db.execute(sql`
          select d.id, d.version, d.pipeline_id, s.sort_order from deals d join stages s on s.id = d.stage_id
          where d.status = 'open' and exists (select 1 from stages n where n.pipeline_id = d.pipeline_id and n.kind = 'open' and n.sort_order > s.sort_order + 1)
          order by d.id limit 1`),
      );
      const stage = async (kind: string, after = -1) => {
        const [s] = rowsOf<{ id: number }>(await db.execute(sql`select id from stages where pipeline_id = ${deal!.pipeline_id} and kind = ${kind} and not is_archived and sort_order > ${after} order by sort_order limit 1`));
        return Number(s!.id);
      };
      const [reason] = rowsOf<{ id: number }>(await db.execute(sql`select id from loss_reasons order by id limit 1`));
      const before = rowsOf<{ left_at: string | null }>(await db.execute(sql`select left_at from deal_stage_history where deal_id = ${deal!.id} order by changed_at desc, id desc limit 1`));
      expect(before[0]!.left_at).toBeNull();

      let version = deal!.version;
      ({ version } = await moveDealToStage(ctx, { id: deal!.id, version, stageId: await stage('open', deal!.sort_order) }));
      ({ version } = await moveDealToStage(ctx, { id: deal!.id, version, stageId: await stage('lost'), lossReasonId: Number(reason!.id) }));
      await reopenDeal(ctx, { id: deal!.id, version, stageId: await stage('open', deal!.sort_order) });
      const chain = rowsOf<{ left_at: string | null }>(await db.execute(sql`select left_at from deal_stage_history where deal_id = ${deal!.id} order by changed_at, id`));
      expect(chain.at(-1)!.left_at).toBeNull();
      expect(chain.slice(0, -1).every((row) => row.left_at !== null)).toBe(true);

      // Rows written out of order, moved to another deal or removed: the chain is redone each time.
      const [other] = rowsOf<{ id: number }>(await db.execute(sql`select deal_id as id from deal_stage_history where deal_id <> ${deal!.id} group by deal_id having count(*) >= 3 order by deal_id limit 1`));
      await db.execute(sql`
        insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, changed_at)
        select deal_id, from_stage_id, to_stage_id, changed_at + interval '1 minute' from deal_stage_history
        where deal_id = ${other!.id} order by changed_at limit 1`);
      await db.execute(sql`update deal_stage_history set deal_id = ${deal!.id} where id = (select max(id) from deal_stage_history where deal_id = ${other!.id})`);
      await db.execute(sql`delete from deal_stage_history where id = (select min(id) from deal_stage_history where deal_id = ${other!.id})`);
      expect(await wrongStays(db)).toBe(0);
      expect(await stageStays.rebuild(db)).toBe(0);
    });
  });

  it('keeps the stage a deal was lost from, and forgets it when the deal is reopened', async () => {
    await inRollback(database().db, async (db) => {
      const ctx = { db, actor: admin };
      const [deal] = rowsOf<{ id: number; version: number; pipeline_id: number; stage_id: number }>(
        await db.execute(sql`select id, version, pipeline_id, stage_id from deals where status = 'open' order by id limit 1`),
      );
      const [lostStage] = rowsOf<{ id: number }>(await db.execute(sql`select id from stages where pipeline_id = ${deal!.pipeline_id} and kind = 'lost'`));
      const [reason] = rowsOf<{ id: number }>(await db.execute(sql`select id from loss_reasons order by id limit 1`));
      const lostFrom = async () => rowsOf<{ lost_from_stage_id: number | null }>(await db.execute(sql`select lost_from_stage_id from deals where id = ${deal!.id}`))[0]!.lost_from_stage_id;
      const lost = await moveDealToStage(ctx, { id: deal!.id, version: deal!.version, stageId: Number(lostStage!.id), lossReasonId: Number(reason!.id) });
      expect(Number(await lostFrom())).toBe(Number(deal!.stage_id));
      await reopenDeal(ctx, { id: deal!.id, version: lost.version, stageId: Number(deal!.stage_id) });
      expect(await lostFrom()).toBeNull();
      expect(await stageStays.rebuild(db)).toBe(0);
    });
  });

  it('the repair rebuild puts right what was written around the trigger', async () => {
    await inRollback(database().db, async (db) => {
      await db.execute(sql`select set_config('voronka.bulk_load', 'on', true)`);
      await db.execute(sql`update deal_stage_history set left_at = null where id in (select id from deal_stage_history where left_at is not null order by id limit 3)`);
      await db.execute(sql`select set_config('voronka.bulk_load', 'off', true)`);
      expect(await wrongStays(db)).toBe(3);
      expect(await stageStays.rebuild(db)).toBe(3);
      expect(await wrongStays(db)).toBe(0);
    });
  });
});
