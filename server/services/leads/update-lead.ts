import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { leadSources, leads } from '@/db/schema';
import { normalizePhone } from '@/lib/phone';
import { can } from '@/server/auth/permissions';
import type { SessionUser } from '@/server/auth/session-user';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { findDuplicates } from './find-duplicates';
import { updateLeadInput, type UpdateLeadInput } from './lead-edit-schemas';
import { leadChangesSince } from './lead-history';
import { leadVisibleTo } from './lead-visibility';

/**
 * A lead in the actor's view, locked for the transaction, at the version the caller edited and
 * still open: NOT_FOUND outside the scope, CONFLICT (who changed which fields) when someone saved first.
 */
async function lockLeadForEdit(tx: Database, actor: SessionUser, id: number, version: number) {
  const [lead] = await tx.select().from(leads).where(and(eq(leads.id, id), leadVisibleTo(actor))).for('update');
  if (!lead) throw notFound('Lead');
  if (lead.version !== version) {
    throw new ServiceError('CONFLICT', 'The lead was changed by someone else', {
      currentVersion: lead.version,
      changes: await leadChangesSince(tx, id, version),
    });
  }
  if (lead.status === 'converted' || lead.status === 'junk') throw new ServiceError('BAD_REQUEST', 'id: the lead is already closed (converted or junk)');
  return lead;
}

/**
 * Edits an open lead's details with optimistic concurrency. A new phone or e-mail is stored
 * normalised and the duplicate links are looked up again for it (the lead itself excluded).
 */
export async function updateLead(ctx: ServiceContext, rawInput: UpdateLeadInput) {
  if (!can(ctx.actor.role, 'lead.update')) throw new ServiceError('FORBIDDEN', 'Your role may not change leads');
  const { id, version, ...fields } = updateLeadInput.parse(rawInput);
  const phoneNormalized = fields.phone ? normalizePhone(fields.phone) : null;
  if (fields.phone && !phoneNormalized) throw new ServiceError('BAD_REQUEST', 'phone: not a valid phone number');
  return ctx.db.transaction(async (tx) => {
    const current = await lockLeadForEdit(tx, ctx.actor, id, version);
    if (fields.sourceId !== null && fields.sourceId !== current.sourceId) {
      // A new choice must be an active source; the current one stays even if archived since.
      const [source] = await tx.select({ id: leadSources.id }).from(leadSources).where(and(eq(leadSources.id, fields.sourceId), eq(leadSources.isArchived, false)));
      if (!source) throw new ServiceError('BAD_REQUEST', 'sourceId: no such active source');
    }
    const patch: Partial<typeof leads.$inferInsert> = { ...fields, phoneNormalized, emailNormalized: fields.email };
    if (phoneNormalized !== current.phoneNormalized || fields.email !== current.emailNormalized) {
      const found = await findDuplicates(tx, { phone: phoneNormalized, email: fields.email });
      patch.duplicateOfLeadId = found.leadId === id ? null : found.leadId;
      patch.duplicateContactId = found.contactId;
      patch.duplicateCompanyId = found.companyId;
    }
    const changes = diffFields(current, patch);
    if (Object.keys(changes).length === 0) return { id, version };
    const nextVersion = version + 1;
    await tx.update(leads).set({ ...patch, version: nextVersion, updatedAt: new Date() }).where(eq(leads.id, id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'lead.update', entityType: 'lead', entityId: id, changes: { ...changes, version: [version, nextVersion] } });
    return { id, version: nextVersion };
  });
}
