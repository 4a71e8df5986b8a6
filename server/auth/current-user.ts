import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { getDb } from '@/db/client';
import { authOptions } from './auth-options';
import { loadActiveUser, type SessionUser } from './session-user';

/** The session's user id and session epoch from the signed JWT cookie, or null. */
export async function sessionIdentity(): Promise<{ userId: number; sessionEpoch: number } | null> {
  const session = (await getServerSession(authOptions)) as { userId?: number | null; sessionEpoch?: number } | null;
  const id = session?.userId;
  if (typeof id !== 'number' || !Number.isInteger(id)) return null;
  return { userId: id, sessionEpoch: typeof session?.sessionEpoch === 'number' ? session.sessionEpoch : 0 };
}

/** The active signed-in user for this request (one database read per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const identity = await sessionIdentity();
  if (identity === null) return null;
  return loadActiveUser(await getDb(), identity.userId, identity.sessionEpoch);
});
