import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { junkReasons, leads } from '@/db/schema';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { lockOpenLead } from './lock-lead';
import { junkLeadInput, startLeadInput } from './schemas';

/** new → in progress: someone is working the lead. */
export async function startLead(ctx: ServiceContext, rawInput: z.input<typeof startLeadInput>) {
  const input = startLeadInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const lead = await lockOpenLead(tx, ctx.actor, input.id, input.version);
    if (lead.status !== 'new') return { id: lead.id, version: lead.version };
    // A lead still waiting for distribution belongs to whoever takes it up (a head of its team).
    const patch = { status: 'in_progress' as const, ownerId: lead.ownerId ?? ctx.actor.id };
    await tx.update(leads).set({ ...patch, version: lead.version + 1, updatedAt: new Date() }).where(eq(leads.id, lead.id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'lead.start', entityType: 'lead', entityId: lead.id, changes: { ...diffFields(lead, patch), version: [lead.version, lead.version + 1] } });
    return { id: lead.id, version: lead.version + 1 };
  });
}

/** Closes a bad lead with one of the junk reasons (the "rejection stages" of leads). */
export async function junkLead(ctx: ServiceContext, rawInput: z.input<typeof junkLeadInput>) {
  const input = junkLeadInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const lead = await lockOpenLead(tx, ctx.actor, input.id, input.version);
    const [reason] = await tx.select({ id: junkReasons.id }).from(junkReasons).where(and(eq(junkReasons.id, input.junkReasonId), eq(junkReasons.isArchived, false)));
    if (!reason) throw new ServiceError('BAD_REQUEST', 'junkReasonId: no such active junk reason');
    const patch = { status: 'junk' as const, junkReasonId: reason.id, junkComment: input.junkComment, junkedAt: new Date() };
    await tx.update(leads).set({ ...patch, version: lead.version + 1, updatedAt: new Date() }).where(eq(leads.id, lead.id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'lead.junk', entityType: 'lead', entityId: lead.id, changes: { ...diffFields(lead, patch), version: [lead.version, lead.version + 1] } });
    return { id: lead.id, version: lead.version + 1 };
  });
}
