import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, dealStageHistory, deals, stages } from '@/db/schema';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { ServiceError } from '../errors';
import { listPipelinesForAdmin } from './list-pipelines-admin';
import { createPipeline } from './pipeline-admin';
import { addStage, removeStage, reorderStages, updateStage } from './stage-admin';

describe.each(DRIVERS)('pipeline administration on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('creates a pipeline with starter stages, adds, renames and reorders stages (won and lost stay last)', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      const { id } = await createPipeline(ctx, { name: 'Сервис' });
      const meeting = await addStage(ctx, { pipelineId: id, name: 'Встреча', probability: 40 });
      const names = async () => (await listPipelinesForAdmin(ctx)).find((p) => p.id === id)!.stages.map((s) => `${s.sortOrder}:${s.name}:${s.kind}`);
      expect(await names()).toEqual(['1:Новая:open', '2:Встреча:open', '3:Успешно:won', '4:Проиграна:lost']);
      const first = (await listPipelinesForAdmin(ctx)).find((p) => p.id === id)!.stages[0]!;
      await reorderStages(ctx, { pipelineId: id, stageIds: [meeting.id, first.id] });
      await updateStage(ctx, { id: meeting.id, version: 1, name: 'Первая встреча', probability: 35 });
      expect(await names()).toEqual(['1:Первая встреча:open', '2:Новая:open', '3:Успешно:won', '4:Проиграна:lost']);
      await expect(reorderStages(ctx, { pipelineId: id, stageIds: [meeting.id] })).rejects.toThrow(/stageIds/);
    }));

  it('will not remove a stage holding deals until they are moved, then archives it because histories mention it', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      const refusal = await removeStage(ctx, { id: f.stages.new }).catch((e: ServiceError) => e);
      expect(refusal).toMatchObject({ code: 'BAD_REQUEST', details: { dealCount: 4 } });
      expect((refusal as ServiceError).message).toMatch(/^moveDealsToStageId/);

      const result = await removeStage(ctx, { id: f.stages.new, moveDealsToStageId: f.stages.qualification });
      expect(result).toEqual({ archived: true, movedDeals: 4 });
      const moved = await db.select().from(deals).where(eq(deals.stageId, f.stages.qualification));
      expect(moved.map((d) => d.version)).toEqual([2, 2, 2, 2]);
      const history = await db.select().from(dealStageHistory).where(eq(dealStageHistory.toStageId, f.stages.qualification));
      expect(history).toHaveLength(4);
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'deal.move'), eq(auditLog.actorId, f.admin.id)));
      expect(audits).toHaveLength(4);
      const [archived] = await db.select().from(stages).where(eq(stages.id, f.stages.new));
      expect(archived!.isArchived).toBe(true);
      const active = (await listPipelinesForAdmin(ctx)).find((p) => p.id === f.pipelineId)!.stages.map((s) => s.name);
      expect(active).toEqual(['Qualification', 'Meeting', 'Contract', 'Won', 'Lost']);
    }));

  it('deletes an unused stage outright and refuses to remove won or lost', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      expect(await removeStage(ctx, { id: f.stages.meeting })).toEqual({ archived: false, movedDeals: 0 });
      expect(await db.select().from(stages).where(eq(stages.id, f.stages.meeting))).toEqual([]);
      await expect(removeStage(ctx, { id: f.stages.won })).rejects.toThrow(/won and the lost/);
    }));

  it('refuses every other role', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      for (const actor of [f.managerA1, f.headA, f.executive]) {
        await expect(createPipeline({ db, actor }, { name: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(removeStage({ db, actor }, { id: f.stages.meeting })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
    }));
});

describe.each(DRIVERS)('stage default tasks on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('are set and cleared by the admin', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      await updateStage(ctx, { id: f.stages.meeting, version: 1, defaultTaskSubject: 'Провести встречу', defaultTaskDueHours: 48 });
      let [stage] = await db.select().from(stages).where(eq(stages.id, f.stages.meeting));
      expect(stage).toMatchObject({ defaultTaskSubject: 'Провести встречу', defaultTaskDueHours: 48 });
      await updateStage(ctx, { id: f.stages.meeting, version: 2, defaultTaskSubject: '' });
      [stage] = await db.select().from(stages).where(eq(stages.id, f.stages.meeting));
      expect(stage).toMatchObject({ defaultTaskSubject: null, defaultTaskDueHours: 48 });
    }));
});
