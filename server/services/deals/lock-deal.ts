import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { deals } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import { notFound, ServiceError } from '../errors';
import { dealChangesSince } from './deal-changes-since';

/**
 * Locks a deal in the actor's scope for the rest of the transaction and checks the version the
 * caller edited: NOT_FOUND outside the scope, CONFLICT (who changed what) when someone saved first.
 */
export async function lockDealForEdit(tx: Database, actor: SessionUser, id: number, version: number) {
  const [deal] = await tx
    .select()
    .from(deals)
    .where(and(eq(deals.id, id), ownedWithin(actor, deals.ownerId)))
    .for('update');
  if (!deal) throw notFound('Deal');
  if (deal.version !== version) {
    throw new ServiceError('CONFLICT', 'The deal was changed by someone else', {
      currentVersion: deal.version,
      changes: await dealChangesSince(tx, id, version),
    });
  }
  return deal;
}
