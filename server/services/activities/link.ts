import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { companies, contacts, deals, leads } from '@/db/schema';
import { ownedWithin, rowScopeOf } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import { ServiceError } from '../errors';
import { assignableOwner } from '../assignable-owner';
import { leadVisibleTo } from '../leads/lead-visibility';

export interface ActivityLink {
  dealId?: number;
  leadId?: number;
  contactId?: number;
  companyId?: number;
}

/**
 * Every record an activity is attached to must be one the actor may see; an unseen one is
 * reported like a missing one. A deal's client is attached too, so client timelines show it.
 */
export async function resolveVisibleLink(tx: Database, actor: SessionUser, link: ActivityLink) {
  const resolved = { dealId: null as number | null, leadId: null as number | null, contactId: link.contactId ?? null, companyId: link.companyId ?? null };
  if (link.dealId) {
    const [deal] = await tx
      .select({ id: deals.id, contactId: deals.contactId, companyId: deals.companyId })
      .from(deals)
      .where(and(eq(deals.id, link.dealId), ownedWithin(actor, deals.ownerId)));
    if (!deal) throw new ServiceError('BAD_REQUEST', 'link.dealId: no such deal');
    resolved.dealId = deal.id;
    resolved.contactId ??= deal.contactId;
    resolved.companyId ??= deal.companyId;
  }
  if (link.leadId) {
    // A head may also work the team's leads still waiting for an owner.
    const [lead] = await tx.select({ id: leads.id }).from(leads).where(and(eq(leads.id, link.leadId), leadVisibleTo(actor)));
    if (!lead) throw new ServiceError('BAD_REQUEST', 'link.leadId: no such lead');
    resolved.leadId = lead.id;
  }
  if (link.contactId) {
    const [contact] = await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.id, link.contactId), ownedWithin(actor, contacts.ownerId)));
    if (!contact) throw new ServiceError('BAD_REQUEST', 'link.contactId: no such contact');
  }
  if (link.companyId) {
    const [company] = await tx.select({ id: companies.id }).from(companies).where(and(eq(companies.id, link.companyId), ownedWithin(actor, companies.ownerId)));
    if (!company) throw new ServiceError('BAD_REQUEST', 'link.companyId: no such company');
  }
  return resolved;
}

/** Whose activity it may be: one's own; a head may also give it to an active member of the team. */
export async function resolveActivityOwner(tx: Database, actor: SessionUser, ownerId: number | undefined): Promise<number> {
  if (!ownerId || ownerId === actor.id) return actor.id;
  const scope = rowScopeOf(actor);
  if (scope.kind === 'own') throw new ServiceError('FORBIDDEN', 'ownerId: you may plan only your own tasks');
  return (await assignableOwner(tx, actor, ownerId)).id;
}
