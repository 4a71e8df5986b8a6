import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { verifyPassword } from './password';
import { clearFailures, isLocked, recordFailure } from './login-throttle';

export type AuthenticateResult =
  | { ok: true; userId: number; sessionEpoch: number }
  | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Checks e-mail and password. Failures are counted per e-mail and per client address, so
 * neither guessing one account's password nor spraying many accounts from one address works.
 */
export async function authenticate(
  db: Database,
  input: { email: string; password: string; clientAddress: string | null },
  now = new Date(),
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [`email:${email}`, ...(input.clientAddress ? [`ip:${input.clientAddress}`] : [])];
  for (const key of keys) {
    if (await isLocked(db, key, now)) return { ok: false, reason: 'locked' };
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, isActive: users.isActive, sessionEpoch: users.sessionEpoch })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const valid = user?.isActive === true && (await verifyPassword(user.passwordHash, input.password));
  if (!user || !valid) {
    for (const key of keys) await recordFailure(db, key, now);
    return { ok: false, reason: 'invalid' };
  }
  await clearFailures(db, `email:${email}`);
  return { ok: true, userId: user.id, sessionEpoch: user.sessionEpoch };
}
