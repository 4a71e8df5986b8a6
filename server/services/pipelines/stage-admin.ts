import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { auditLog, dealStageHistory, deals, stages } from '@/db/schema';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { requirePipelineAdmin } from './require-admin';
import { addStageInput, removeStageInput, reorderStagesInput, updateStageInput } from './schemas';

/** Archived stages keep a sort order out of the way of the active ones. */
const ARCHIVED_ORDER_BASE = 100_000;

/**
 * Gives the pipeline's active stages the order 1..n: open stages as listed, then won, then lost.
 * Two passes, because the unique (pipeline, order) index is checked row by row.
 */
async function renumberStages(tx: Database, pipelineId: number, openStageIds: number[]) {
  const active = await tx
    .select({ id: stages.id, kind: stages.kind })
    .from(stages)
    .where(and(eq(stages.pipelineId, pipelineId), eq(stages.isArchived, false)))
    .orderBy(asc(stages.sortOrder));
  const closing = [...active.filter((s) => s.kind === 'won'), ...active.filter((s) => s.kind === 'lost')];
  const order = [...openStageIds, ...closing.map((s) => s.id)];
  await tx
    .update(stages)
    .set({ sortOrder: sql`-${stages.id}` })
    .where(and(eq(stages.pipelineId, pipelineId), eq(stages.isArchived, false)));
  for (const [index, id] of order.entries()) {
    await tx.update(stages).set({ sortOrder: index + 1, updatedAt: new Date() }).where(eq(stages.id, id));
  }
}

async function openStageIdsOf(tx: Database, pipelineId: number) {
  const rows = await tx
    .select({ id: stages.id })
    .from(stages)
    .where(and(eq(stages.pipelineId, pipelineId), eq(stages.kind, 'open'), eq(stages.isArchived, false)))
    .orderBy(asc(stages.sortOrder));
  return rows.map((row) => row.id);
}

/** A new open stage, placed last among the open ones (before won and lost). */
export async function addStage(ctx: ServiceContext, rawInput: z.input<typeof addStageInput>) {
  requirePipelineAdmin(ctx);
  const input = addStageInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const open = await openStageIdsOf(tx, input.pipelineId);
    if (open.length === 0) throw notFound('Pipeline');
    const [stage] = await tx
      .insert(stages)
      .values({ pipelineId: input.pipelineId, name: input.name, kind: 'open', probability: input.probability, sortOrder: ARCHIVED_ORDER_BASE * 2 })
      .returning({ id: stages.id });
    await renumberStages(tx, input.pipelineId, [...open, stage!.id]);
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'stage.create', entityType: 'stage', entityId: stage!.id, changes: { name: [null, input.name], probability: [null, input.probability] } });
    return stage!;
  });
}

export async function updateStage(ctx: ServiceContext, rawInput: z.input<typeof updateStageInput>) {
  requirePipelineAdmin(ctx);
  const { id, version, ...fields } = updateStageInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(stages).where(eq(stages.id, id)).for('update');
    if (!current || current.isArchived) throw notFound('Stage');
    if (current.version !== version) throw new ServiceError('CONFLICT', 'The stage was changed by someone else');
    await tx.update(stages).set({ ...fields, version: version + 1, updatedAt: new Date() }).where(eq(stages.id, id));
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([key, value]) => value !== undefined && current[key as keyof typeof fields] !== value).map(([key, value]) => [key, [current[key as keyof typeof fields], value]]),
    );
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'stage.update', entityType: 'stage', entityId: id, changes: { ...changes, version: [version, version + 1] } });
    return { id, version: version + 1 };
  });
}

export async function reorderStages(ctx: ServiceContext, rawInput: z.input<typeof reorderStagesInput>) {
  requirePipelineAdmin(ctx);
  const input = reorderStagesInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const current = await openStageIdsOf(tx, input.pipelineId);
    const same = current.length === input.stageIds.length && [...current].sort().join() === [...input.stageIds].sort().join();
    if (!same) throw new ServiceError('BAD_REQUEST', 'stageIds: list every open stage of the pipeline exactly once');
    await renumberStages(tx, input.pipelineId, input.stageIds);
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'pipeline.reorderStages', entityType: 'pipeline', entityId: input.pipelineId, changes: { stageIds: [current, input.stageIds] } });
    return { stageIds: input.stageIds };
  });
}

/**
 * Removes an open stage. Its deals must go to another open stage first (each move is in the
 * deal's history and the audit log); a stage that histories mention is archived, not deleted.
 */
export async function removeStage(ctx: ServiceContext, rawInput: z.input<typeof removeStageInput>) {
  requirePipelineAdmin(ctx);
  const input = removeStageInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [stage] = await tx.select().from(stages).where(eq(stages.id, input.id)).for('update');
    if (!stage || stage.isArchived) throw notFound('Stage');
    if (stage.kind !== 'open') throw new ServiceError('BAD_REQUEST', 'id: the won and the lost stage cannot be removed');
    const open = await openStageIdsOf(tx, stage.pipelineId);
    if (open.length === 1) throw new ServiceError('BAD_REQUEST', 'id: a pipeline needs at least one open stage');
    const [{ dealCount } = { dealCount: 0 }] = await tx.select({ dealCount: sql<number>`count(*)::int` }).from(deals).where(eq(deals.stageId, stage.id));
    if (dealCount > 0) {
      const target = input.moveDealsToStageId;
      if (!target) throw new ServiceError('BAD_REQUEST', `moveDealsToStageId: the stage holds ${dealCount} deals; choose where they go`, { dealCount });
      const [to] = await tx.select().from(stages).where(and(eq(stages.id, target), ne(stages.id, stage.id)));
      if (!to || to.pipelineId !== stage.pipelineId || to.kind !== 'open' || to.isArchived) {
        throw new ServiceError('BAD_REQUEST', 'moveDealsToStageId: choose another open stage of the same pipeline');
      }
      await moveAllDeals(tx, ctx.actor.id, stage.id, to.id);
    }
    const [{ mentioned } = { mentioned: 0 }] = await tx
      .select({ mentioned: sql<number>`count(*)::int` })
      .from(dealStageHistory)
      .where(sql`${dealStageHistory.fromStageId} = ${stage.id} or ${dealStageHistory.toStageId} = ${stage.id}`);
    if (mentioned > 0) {
      await tx.update(stages).set({ isArchived: true, sortOrder: ARCHIVED_ORDER_BASE + stage.id, updatedAt: new Date() }).where(eq(stages.id, stage.id));
    } else {
      await tx.delete(stages).where(eq(stages.id, stage.id));
    }
    await renumberStages(tx, stage.pipelineId, open.filter((id) => id !== stage.id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'stage.remove', entityType: 'stage', entityId: stage.id, changes: { name: [stage.name, null], movedDeals: [dealCount, 0] } });
    return { archived: mentioned > 0, movedDeals: dealCount };
  });
}

/** Set-based: a history row and an audit row per deal, then the move itself. */
async function moveAllDeals(tx: Database, actorId: number, fromStageId: number, toStageId: number) {
  await tx.execute(sql`
    insert into ${dealStageHistory} (deal_id, from_stage_id, to_stage_id, changed_by, changed_at)
    select id, stage_id, ${toStageId}, ${actorId}, now() from ${deals} where stage_id = ${fromStageId}`);
  await tx.execute(sql`
    insert into ${auditLog} (actor_id, action, entity_type, entity_id, changes)
    select ${actorId}, 'deal.move', 'deal', id,
           jsonb_build_object('stageId', jsonb_build_array(stage_id, ${toStageId}::int),
                              'version', jsonb_build_array(version, version + 1),
                              'reason', jsonb_build_array(null, 'stage removed'))
    from ${deals} where stage_id = ${fromStageId}`);
  await tx
    .update(deals)
    .set({ stageId: toStageId, stageEnteredAt: new Date(), version: sql`${deals.version} + 1`, updatedAt: new Date() })
    .where(eq(deals.stageId, fromStageId));
}
