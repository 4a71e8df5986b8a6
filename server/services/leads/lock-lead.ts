import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { leads } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { SessionUser } from '@/server/auth/session-user';
import { notFound, ServiceError } from '../errors';
import { leadVisibleTo } from './lead-visibility';

/** A lead in the actor's scope, locked for the transaction, at the version the caller saw, still open. */
export async function lockOpenLead(tx: Database, actor: SessionUser, id: number, version: number) {
  if (!can(actor.role, 'lead.update')) throw new ServiceError('FORBIDDEN', 'Your role may not change leads');
  const [lead] = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.id, id), leadVisibleTo(actor)))
    .for('update');
  if (!lead) throw notFound('Lead');
  if (lead.version !== version) throw new ServiceError('CONFLICT', 'The lead was changed by someone else', { currentVersion: lead.version });
  if (lead.status === 'converted' || lead.status === 'junk') {
    throw new ServiceError('BAD_REQUEST', 'id: the lead is already closed (converted or junk)');
  }
  return lead;
}
