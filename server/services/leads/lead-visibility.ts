import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import { leads } from '@/db/schema';
import { ownedWithin, rowScopeOf } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';

/**
 * Which leads an actor may see: the usual row scope on the owner, plus — for a head — the team's
 * leads that have no owner yet because they wait for distribution (team_id set, owner_id null).
 * Executives and admins see every lead anyway; a manager never sees an unowned one.
 */
export function leadVisibleTo(actor: SessionUser): SQL {
  const owned = ownedWithin(actor, leads.ownerId);
  const scope = rowScopeOf(actor);
  if (scope.kind !== 'team') return owned;
  return or(owned, and(isNull(leads.ownerId), eq(leads.teamId, scope.teamId)))!;
}
