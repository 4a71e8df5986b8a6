import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '@/db/schema';
import type { SessionUser } from './session-user';

/**
 * Which owned rows a user may see (DESIGN.md section 1):
 * manager — own rows; head — rows owned by members of own team; executive and admin — all.
 */
export type RowScope =
  | { kind: 'all' }
  | { kind: 'team'; teamId: number; userId: number }
  | { kind: 'own'; userId: number };

export function rowScopeOf(user: SessionUser): RowScope {
  switch (user.role) {
    case 'executive':
    case 'admin':
      return { kind: 'all' };
    case 'head':
      // A head without a team is only a manager of their own rows.
      return user.teamId === null
        ? { kind: 'own', userId: user.id }
        : { kind: 'team', teamId: user.teamId, userId: user.id };
    case 'manager':
      return { kind: 'own', userId: user.id };
  }
}

/**
 * The one filter every query on owned data goes through: `where(ownedWithin(user, deals.ownerId))`.
 * Returns an always-true condition for org-wide roles so callers never branch on roles themselves.
 */
export function ownedWithin(user: SessionUser, ownerColumn: AnyPgColumn): SQL {
  const scope = rowScopeOf(user);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'own':
      return eq(ownerColumn, scope.userId);
    case 'team':
      return inArray(
        ownerColumn,
        sql`(select ${users.id} from ${users} where ${users.teamId} = ${scope.teamId})`,
      );
  }
}
