import { eq } from 'drizzle-orm';
import { leads, users } from '@/db/schema';
import { normalizePhone } from '@/lib/phone';
import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { resolveActivityOwner } from '../activities/link';
import { findDuplicates } from './find-duplicates';
import { createLeadInput, type CreateLeadInput } from './schemas';

/**
 * A new lead entered by hand. Its phone and e-mail are stored normalised, and a lead, contact or
 * company that already has them is linked as its duplicate, so the manager sees it at once.
 */
export async function createLead(ctx: ServiceContext, rawInput: CreateLeadInput) {
  if (!can(ctx.actor.role, 'lead.update')) throw new ServiceError('FORBIDDEN', 'Your role may not create leads');
  const { ownerId, ...fields } = createLeadInput.parse(rawInput);
  const phoneNormalized = fields.phone ? normalizePhone(fields.phone) : null;
  if (fields.phone && !phoneNormalized) throw new ServiceError('BAD_REQUEST', 'phone: not a valid phone number');
  return ctx.db.transaction(async (tx) => {
    const owner = await resolveActivityOwner(tx, ctx.actor, ownerId);
    const duplicates = await findDuplicates(tx, { phone: phoneNormalized, email: fields.email });
    const [ownerRow] = await tx.select({ teamId: users.teamId }).from(users).where(eq(users.id, owner));
    // The schema guarantees at least one of these.
    const title = fields.title || [fields.companyName, fields.personName].filter(Boolean).join(' · ') || fields.phone || fields.email || '';
    const [lead] = await tx
      .insert(leads)
      .values({
        ...fields,
        title,
        phoneNormalized,
        emailNormalized: fields.email,
        ownerId: owner,
        teamId: ownerRow?.teamId ?? null,
        duplicateOfLeadId: duplicates.leadId,
        duplicateContactId: duplicates.contactId,
        duplicateCompanyId: duplicates.companyId,
      })
      .returning({ id: leads.id, version: leads.version });
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'lead.create', entityType: 'lead', entityId: lead!.id, changes: diffFields({}, { ...fields, ownerId: owner }) });
    return { ...lead!, duplicates };
  });
}
