import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { auditLog, deals } from '@/db/schema';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture, type ScopeFixture } from '@/test/fixtures';
import { rowsOf, type Database } from '@/db/client';
import { listDeals } from './list-deals';
import { exportDeals } from './export-deals';

describe.each(DRIVERS)('deals list and export on %s', (driver) => {
  const database = useFreshDatabase(driver);

  const withDeals = (body: (db: Database, f: ScopeFixture) => Promise<void>) =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      // 21:30 UTC on 9 March is already 10 March in Moscow: the day filters must see that.
      await db.insert(deals).values([
        { title: 'Late evening deal', pipelineId: f.pipelineId, stageId: f.stages.new, ownerId: f.managerA1.id, amount: '50000.00', createdAt: new Date('2026-03-09T21:30:00Z') },
        { title: 'Big one', pipelineId: f.pipelineId, stageId: f.stages.new, ownerId: f.managerA1.id, amount: '2500000.00', createdAt: new Date('2026-03-09T10:00:00Z') },
      ]);
      return body(db, f);
    });

  it('filters by amount range, created dates in Moscow time, status and text, within scope', () =>
    withDeals(async (db, f) => {
      const ctx = { db, actor: f.managerA1 };
      const titles = async (filters: Record<string, unknown>) =>
        (await listDeals(ctx, { filters, pageSize: 100, sort: { field: 'title', direction: 'asc' } })).items.map((d) => d.title);
      expect(await titles({})).toEqual(['Big one', 'Deal of A1', 'Late evening deal']);
      expect(await titles({ amountMin: '10 000', amountMax: '100000' })).toEqual(['Late evening deal']);
      expect(await titles({ createdFrom: '2026-03-10', createdTo: '2026-03-11' })).toEqual(['Late evening deal']);
      expect(await titles({ createdFrom: '2026-03-09', createdTo: '2026-03-10' })).toEqual(['Big one']);
      expect(await titles({ search: 'EVENING' })).toEqual(['Late evening deal']);
      expect(await titles({ status: 'won' })).toEqual([]);
      const team = await listDeals({ db, actor: f.headA }, { pageSize: 2, sort: { field: 'owner', direction: 'asc' } });
      expect(team.total).toBe(5);
      expect(team.items.map((d) => d.ownerName)).toEqual(['Head A', 'Manager A1']);
    }));

  it('drill-down filters (team, reached stage, loss reason, stage lost from) return exactly the rows direct SQL finds, within scope', () =>
    withDeals(async (db, f) => {
      const added = await db.insert(deals).values([
        { title: 'Won by B1', pipelineId: f.pipelineId, stageId: f.stages.won, ownerId: f.managerB1.id, status: 'won', furthestStageOrder: 2, closedAt: new Date('2026-03-12T10:00:00Z') },
        { title: 'Lost at meeting', pipelineId: f.pipelineId, stageId: f.stages.lost, ownerId: f.managerA2.id, status: 'lost', furthestStageOrder: 3, lossReasonId: f.lossReasonId, closedAt: new Date('2026-03-12T10:00:00Z') },
        { title: 'In contract', pipelineId: f.pipelineId, stageId: f.stages.contract, ownerId: f.managerA1.id, furthestStageOrder: 4 },
      ]).returning({ id: deals.id });
      // "Lost at meeting" was lost once from the contract stage, reopened, then lost from the meeting: the latest loss counts.
      const lostDeal = added[1]!.id;
      await db.execute(sql`insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, changed_at) values
        (${lostDeal}, ${f.stages.contract}, ${f.stages.lost}, '2026-03-01T10:00:00Z'),
        (${lostDeal}, ${f.stages.lost}, ${f.stages.meeting}, '2026-03-05T10:00:00Z'),
        (${lostDeal}, ${f.stages.meeting}, ${f.stages.lost}, '2026-03-12T10:00:00Z')`);
      const ids = async (actor: typeof f.executive, filters: Record<string, unknown>) =>
        (await listDeals({ db, actor }, { filters, pageSize: 100, sort: { field: 'title', direction: 'asc' } })).items.map((d) => d.id).sort((a, b) => a - b);
      const direct = async (where: ReturnType<typeof sql>) =>
        rowsOf<{ id: number }>(await db.execute(sql`select deals.id from deals join users on users.id = deals.owner_id where ${where} order by deals.id`)).map((r) => Number(r.id));
      const teamA = f.headA.teamId!;
      const stageOrder = sql`(select sort_order from stages where id = ${f.stages.meeting})`;
      expect(await ids(f.executive, { teamId: teamA })).toEqual(await direct(sql`users.team_id = ${teamA}`));
      expect((await ids(f.executive, { teamId: teamA })).length).toBe(7);
      expect(await ids(f.executive, { reachedStageId: f.stages.meeting })).toEqual(
        await direct(sql`deals.status = 'won' or deals.furthest_stage_order >= ${stageOrder}`),
      );
      expect((await ids(f.executive, { reachedStageId: f.stages.meeting })).length).toBe(3);
      expect(await ids(f.executive, { reachedStageId: f.stages.won })).toEqual(await direct(sql`deals.status = 'won'`));
      expect(await ids(f.executive, { reachedStageId: f.stages.lost })).toEqual(await direct(sql`deals.status = 'lost'`));
      expect(await ids(f.executive, { lossReasonId: f.lossReasonId })).toEqual(await direct(sql`deals.loss_reason_id = ${f.lossReasonId}`));
      expect(await ids(f.executive, { lostFromStageId: f.stages.meeting })).toEqual([lostDeal]);
      expect(await ids(f.executive, { lostFromStageId: f.stages.contract })).toEqual([]);
      expect(await ids(f.headB, { lostFromStageId: f.stages.meeting })).toEqual([]);
      expect(await ids(f.executive, { teamId: teamA, reachedStageId: f.stages.meeting })).toEqual(
        await direct(sql`users.team_id = ${teamA} and (deals.status = 'won' or deals.furthest_stage_order >= ${stageOrder})`),
      );
      // Row scope still applies: a manager asking for the whole team gets only the own deals.
      expect(await ids(f.managerA1, { teamId: teamA })).toEqual(await direct(sql`deals.owner_id = ${f.managerA1.id}`));
      // Another team's id leaves a head with nothing rather than widening the scope.
      expect(await ids(f.headA, { teamId: f.headB.teamId! })).toEqual([]);
    }));

  it('refuses an inverted amount range naming the field', () =>
    withDeals(async (db, f) => {
      await expect(listDeals({ db, actor: f.managerA1 }, { filters: { amountMin: '10', amountMax: '5' } })).rejects.toThrow(/amountMax/);
    }));

  it('exports the filtered list as XLSX with numbers as numbers, and logs the export', () =>
    withDeals(async (db, f) => {
      const file = await exportDeals({ db, actor: f.managerA1 }, { format: 'xlsx', filters: { amountMin: '1000' }, sort: { field: 'amount', direction: 'desc' } }, 'ru');
      expect(file.rowCount).toBe(3);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Сделки')!;
      expect(sheet.getRow(1).getCell(2).value).toBe('Сделка');
      expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(2).value)).toEqual(['Big one', 'Late evening deal', 'Deal of A1']);
      expect(sheet.getRow(2).getCell(6).value).toBe(2500000);
      expect(sheet.getRow(5).getCell(2).value).toBe(null);
      const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'deal.export'));
      expect(audits).toHaveLength(1);
      expect(audits[0]!.changes).toMatchObject({ rows: [null, 3], format: [null, 'xlsx'] });
    }));

  it('exports CSV the way Russian Excel reads it, and never a colleague’s deals', () =>
    withDeals(async (db, f) => {
      const file = await exportDeals({ db, actor: f.managerA2 }, { format: 'csv' }, 'ru');
      const text = file.body.toString('utf8');
      expect(text.startsWith('\uFEFFID;Сделка;')).toBe(true);
      expect(text).toContain('Deal of A2');
      expect(text).not.toContain('Deal of A1');
      expect(text).toContain(';1000,00;');
    }));
});
