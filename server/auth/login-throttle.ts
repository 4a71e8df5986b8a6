import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authThrottle } from '@/db/schema';

/** Failures allowed per key within the window before the key is locked out. */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

/** Whether sign-in for this key (an e-mail or an IP) is locked right now. */
export async function isLocked(db: Database, key: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ lockedUntil: authThrottle.lockedUntil })
    .from(authThrottle)
    .where(eq(authThrottle.key, key));
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

/**
 * Counts a failure in one statement, so concurrent attempts on several servers all count;
 * the window restarts when it has expired, and reaching the limit sets the lock.
 */
export async function recordFailure(db: Database, key: string, now = new Date()): Promise<void> {
  // Raw SQL parameters go as ISO text: postgres-js cannot bind a Date inside sql``.
  const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
  const windowStart = at(new Date(now.getTime() - WINDOW_MINUTES * 60_000));
  const lockUntil = at(new Date(now.getTime() + LOCK_MINUTES * 60_000));
  await db
    .insert(authThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`case when ${authThrottle.windowStartedAt} < ${windowStart} then 1 else ${authThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${authThrottle.windowStartedAt} < ${windowStart} then ${at(now)} else ${authThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${authThrottle.windowStartedAt} >= ${windowStart} and ${authThrottle.failures} + 1 >= ${MAX_FAILURES} then ${lockUntil} else ${authThrottle.lockedUntil} end`,
        updatedAt: now,
      },
    });
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}
