import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { getDb } from '@/db/client';
import { authOptions } from './auth-options';
import { loadActiveUser, type SessionUser } from './session-user';

/** The session's user id from the signed JWT cookie, or null. */
export async function sessionUserId(): Promise<number | null> {
  const session = (await getServerSession(authOptions)) as { userId?: number | null } | null;
  const id = session?.userId;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}

/** The active signed-in user for this request (one database read per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const id = await sessionUserId();
  if (id === null) return null;
  return loadActiveUser(await getDb(), id);
});
