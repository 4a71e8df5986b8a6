import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { lossReasons, stages } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import { judgeStageMove } from '@/lib/deal-stage-rules';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { applyStageChange } from './apply-stage-change';
import { lockDealForEdit } from './lock-deal';
import { moveDealInput, type MoveDealInput } from './schemas';

/**
 * Moves a deal to another stage of its pipeline by the sales standard: only forward, skipping
 * allowed; the lost stage needs a loss reason; won and lost are final (see reopenDeal). Writes
 * the stage history row and the audit row in the same transaction.
 */
export async function moveDealToStage(ctx: ServiceContext, rawInput: MoveDealInput) {
  if (!can(ctx.actor.role, 'deal.move')) {
    throw new ServiceError('FORBIDDEN', 'Your role may not move deals');
  }
  const input = moveDealInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const deal = await lockDealForEdit(tx, ctx.actor, input.id, input.version);
    if (deal.status !== 'open') {
      throw new ServiceError('BAD_REQUEST', 'Won and lost deals are final: a head or an admin may reopen them');
    }
    const [from, to] = await Promise.all([stageOf(tx, deal.stageId), stageOf(tx, input.stageId)]);
    if (!to || to.pipelineId !== deal.pipelineId) {
      throw new ServiceError('BAD_REQUEST', 'stageId: the stage is not in this deal’s pipeline');
    }
    const verdict = from ? judgeStageMove(from, to) : 'ok';
    if (verdict === 'same') return { id: deal.id, version: deal.version, stageId: deal.stageId };
    if (verdict === 'backward') {
      throw new ServiceError('BAD_REQUEST', 'stageId: deals move only forward through the pipeline');
    }
    if (to.kind === 'lost') await requireActiveLossReason(tx, input.lossReasonId);

    const now = new Date();
    const nextVersion = await applyStageChange(tx, {
      deal,
      actorId: ctx.actor.id,
      action: 'deal.move',
      patch: {
        stageId: to.id,
        status: to.kind,
        closedAt: to.kind === 'open' ? null : now,
        furthestStageOrder: to.kind === 'open' ? Math.max(deal.furthestStageOrder, to.sortOrder) : deal.furthestStageOrder,
        ...(to.kind === 'lost' ? { lossReasonId: input.lossReasonId!, lossComment: input.lossComment || null } : {}),
        ...(to.kind === 'won' && input.amount !== undefined ? { amount: input.amount } : {}),
      },
    });
    return { id: deal.id, version: nextVersion, stageId: to.id };
  });
}

export async function stageOf(db: Database, stageId: number) {
  const [stage] = await db.select().from(stages).where(eq(stages.id, stageId));
  return stage;
}

async function requireActiveLossReason(db: Database, lossReasonId: number | undefined) {
  if (!lossReasonId) throw new ServiceError('BAD_REQUEST', 'lossReasonId: a lost deal needs a loss reason');
  const [reason] = await db
    .select({ id: lossReasons.id })
    .from(lossReasons)
    .where(and(eq(lossReasons.id, lossReasonId), eq(lossReasons.isArchived, false)));
  if (!reason) throw new ServiceError('BAD_REQUEST', 'lossReasonId: no such active loss reason');
}
