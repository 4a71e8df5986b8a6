import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { applyStageChange } from './apply-stage-change';
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
    const nextVersion = await applyStageChange(tx, {
      deal,
      actorId: ctx.actor.id,
      action: 'deal.reopen',
      patch: {
        stageId: to.id,
        status: 'open',
        closedAt: null,
        lossReasonId: null,
        lossComment: null,
        furthestStageOrder: Math.max(deal.furthestStageOrder, to.sortOrder),
      },
    });
    return { id: deal.id, version: nextVersion, stageId: to.id };
  });
}
