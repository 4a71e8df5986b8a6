import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users, type Locale, type Role } from '@/db/schema';

/** The signed-in person as every procedure sees it, read fresh from the database per request. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  teamId: number | null;
  locale: Locale | null;
}

/**
 * The active user behind a session, or null: a deactivated user loses access on the next request,
 * and so does a session signed before the latest password change (its epoch is older).
 * Without an epoch (benchmarks, in-process callers) only the active flag counts.
 */
export async function loadActiveUser(db: Database, userId: number, sessionEpoch?: number): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      teamId: users.teamId,
      locale: users.locale,
      isActive: users.isActive,
      sessionEpoch: users.sessionEpoch,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || !row.isActive) return null;
  if (sessionEpoch !== undefined && row.sessionEpoch !== sessionEpoch) return null;
  const { isActive: _active, sessionEpoch: _epoch, ...user } = row;
  return user;
}
