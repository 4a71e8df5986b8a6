import { eq } from 'drizzle-orm';
import { deals } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { assignableOwner } from '../assignable-owner';
import { ServiceError } from '../errors';
import { handOverDealDocuments } from './deal-documents-handover';
import { lockDealForEdit } from './lock-deal';
import { reassignDealInput, type ReassignDealInput } from './schemas';

/**
 * Hands a deal to another responsible manager: a head inside their own team, an admin to any
 * active manager or head. Its offers and unpaid invoices go with it; its open tasks stay with
 * their owners.
 */
export async function reassignDeal(ctx: ServiceContext, rawInput: ReassignDealInput) {
  if (!can(ctx.actor.role, 'deal.reassign')) {
    throw new ServiceError('FORBIDDEN', 'Only a head of sales or an admin may reassign deals');
  }
  const input = reassignDealInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const deal = await lockDealForEdit(tx, ctx.actor, input.id, input.version);
    const owner = await assignableOwner(tx, ctx.actor, input.ownerId);
    if (owner.id === deal.ownerId) return { id: deal.id, version: deal.version };
    const nextVersion = deal.version + 1;
    await tx
      .update(deals)
      .set({ ownerId: owner.id, version: nextVersion, updatedAt: new Date() })
      .where(eq(deals.id, deal.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'deal.reassign',
      entityType: 'deal',
      entityId: deal.id,
      changes: { ownerId: [deal.ownerId, owner.id], version: [deal.version, nextVersion] },
    });
    await handOverDealDocuments(tx, ctx.actor.id, deal.id, owner.id);
    return { id: deal.id, version: nextVersion };
  });
}
