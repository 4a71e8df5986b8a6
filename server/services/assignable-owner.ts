import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { rowScopeOf } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import { ServiceError } from './errors';

/**
 * Who a record may be handed to by this actor: an active manager or head, inside the actor's own
 * team for a head (an admin may choose anyone). Refuses, naming ownerId, anyone else.
 */
export async function assignableOwner(tx: Database, actor: SessionUser, ownerId: number): Promise<{ id: number; teamId: number | null }> {
  const scope = rowScopeOf(actor);
  const [owner] = await tx
    .select({ id: users.id, teamId: users.teamId })
    .from(users)
    .where(
      and(
        eq(users.id, ownerId),
        eq(users.isActive, true),
        inArray(users.role, ['manager', 'head']),
        scope.kind === 'team' ? eq(users.teamId, scope.teamId) : undefined,
      ),
    );
  if (!owner) throw new ServiceError('BAD_REQUEST', 'ownerId: choose an active member of your team');
  return owner;
}
