import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { deals, invoices, proposals, proposalVersions } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import { ownedWithin } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import { notFound, ServiceError } from '../errors';

/**
 * Who may touch which document. Offers belong to their deal, so a deal's scope is theirs; an
 * invoice is scoped by its own owner (the receivables report counts it there). Outside the scope
 * a document is reported exactly like a missing one.
 */
export function requireDocumentEditor(actor: SessionUser) {
  if (!can(actor.role, 'document.update')) throw new ServiceError('FORBIDDEN', 'Your role may not change offers, invoices or feedback');
}

export async function dealInScope(db: Database, actor: SessionUser, dealId: number, lock = false) {
  const query = db.select().from(deals).where(and(eq(deals.id, dealId), ownedWithin(actor, deals.ownerId)));
  const [deal] = lock ? await query.for('update') : await query;
  if (!deal) throw notFound('Deal');
  return deal;
}

/** A proposal version with its proposal and deal, the version row locked for the transaction. */
export async function lockVersionInScope(tx: Database, actor: SessionUser, versionId: number) {
  const [row] = await tx
    .select({ version: proposalVersions, proposal: proposals, dealOwnerId: deals.ownerId, dealStatus: deals.status })
    .from(proposalVersions)
    .innerJoin(proposals, eq(proposals.id, proposalVersions.proposalId))
    .innerJoin(deals, eq(deals.id, proposals.dealId))
    .where(and(eq(proposalVersions.id, versionId), ownedWithin(actor, deals.ownerId)))
    .for('update', { of: proposalVersions });
  if (!row) throw notFound('Offer version');
  return row;
}

/** Refuses a stale edit: the caller names the version of the row it saw. */
export function checkVersion(entity: string, current: number, sent: number) {
  if (current !== sent) throw new ServiceError('CONFLICT', `The ${entity} was changed by someone else`, { currentVersion: current });
}

export async function lockInvoiceInScope(tx: Database, actor: SessionUser, invoiceId: number) {
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), ownedWithin(actor, invoices.ownerId)))
    .for('update');
  if (!invoice) throw notFound('Invoice');
  return invoice;
}
