import { eq } from 'drizzle-orm';
import { dealStageHistory, deals } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { lockDealForEdit } from './lock-deal';
import { stageOf } from './move-deal';
import { reopenDealInput, type ReopenDealInput } from './schemas';

/**
 * Returns a won or lost deal to an open stage. Only a head (for the own team: the row scope
 * sees to it) or an admin may; the reopening is in the stage history and the audit log.
 */
export async function reopenDeal(ctx: ServiceContext, rawInput: ReopenDealInput) {
  if (!can(ctx.actor.role, 'deal.reopen')) {
    throw new ServiceError('FORBIDDEN', 'Only a head of sales or an admin may reopen a closed deal');
  }
  const input = reopenDealInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const deal = await lockDealForEdit(tx, ctx.actor, input.id, input.version);
    if (deal.status === 'open') throw new ServiceError('BAD_REQUEST', 'The deal is not closed');
    const to = await stageOf(tx, input.stageId);
    if (!to || to.pipelineId !== deal.pipelineId || to.kind !== 'open') {
      throw new ServiceError('BAD_REQUEST', 'stageId: choose an open stage of this deal’s pipeline');
    }
    const now = new Date();
    const patch = {
      stageId: to.id,
      status: 'open' as const,
      closedAt: null,
      lossReasonId: null,
      lossComment: null,
      furthestStageOrder: Math.max(deal.furthestStageOrder, to.sortOrder),
    };
    const nextVersion = deal.version + 1;
    await tx
      .update(deals)
      .set({ ...patch, stageEnteredAt: now, version: nextVersion, updatedAt: now })
      .where(eq(deals.id, deal.id));
    await tx.insert(dealStageHistory).values({
      dealId: deal.id,
      fromStageId: deal.stageId,
      toStageId: to.id,
      changedBy: ctx.actor.id,
      changedAt: now,
    });
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'deal.reopen',
      entityType: 'deal',
      entityId: deal.id,
      changes: { ...diffFields(deal, patch), version: [deal.version, nextVersion] },
    });
    return { id: deal.id, version: nextVersion, stageId: to.id };
  });
}
