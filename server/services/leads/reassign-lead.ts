import { eq } from 'drizzle-orm';
import { leads } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { assignableOwner } from '../assignable-owner';
import { ServiceError } from '../errors';
import { assignLeads } from './distribution/distribute-leads';
import { lockOpenLead } from './lock-lead';
import { reassignLeadInput } from './schemas';
import type { z } from 'zod';

/**
 * Hands an open lead to another manager by hand: a head inside the own team, an admin to any
 * active manager or head (the lead then belongs to that person's team, where distribution and the
 * head's views look for it). As when distribution assigns a lead, the new owner gets a fresh
 * response deadline and the lead's first task; other open tasks stay with their owners.
 */
export async function reassignLead(ctx: ServiceContext, rawInput: z.input<typeof reassignLeadInput>, options: { now?: Date } = {}) {
  if (!can(ctx.actor.role, 'lead.reassign')) throw new ServiceError('FORBIDDEN', 'Only a head of sales or an admin may reassign leads');
  const input = reassignLeadInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const lead = await lockOpenLead(tx, ctx.actor, input.id, input.version);
    const owner = await assignableOwner(tx, ctx.actor, input.ownerId);
    if (owner.id === lead.ownerId) return { id: lead.id, version: lead.version };
    await assignLeads(tx, [{ leadId: lead.id, ownerId: owner.id }], options.now ?? new Date(), 'lead.reassign', ctx.actor.id);
    if (owner.teamId !== lead.teamId) {
      await tx.update(leads).set({ teamId: owner.teamId }).where(eq(leads.id, lead.id));
      await writeAudit(tx, { actorId: ctx.actor.id, action: 'lead.reassign', entityType: 'lead', entityId: lead.id, changes: { teamId: [lead.teamId, owner.teamId] } });
    }
    // assignLeads bumped the version once; the team follows in the same transaction.
    return { id: lead.id, version: lead.version + 1 };
  });
}
