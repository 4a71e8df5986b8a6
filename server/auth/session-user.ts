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

/** The active user behind a session, or null: a deactivated user loses access on the next request. */
export async function loadActiveUser(db: Database, userId: number): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      teamId: users.teamId,
      locale: users.locale,
      isActive: users.isActive,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || !row.isActive) return null;
  const { isActive: _active, ...user } = row;
  return user;
}
