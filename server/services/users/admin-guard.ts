import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** Users and teams are the admin's (DESIGN.md §1); the routers check the role as well. */
export function requireAdmin(ctx: ServiceContext) {
  if (ctx.actor.role !== 'admin') throw new ServiceError('FORBIDDEN', 'Only an admin may manage users and teams');
}

/**
 * Refuses a change that would leave no active admin. All active admins are locked first, so two
 * admins demoting each other at once cannot both succeed.
 */
export async function keepOneActiveAdmin(tx: Database, userId: number) {
  const admins = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.isActive, true))).for('update');
  if (admins.length <= 1 && admins.some((admin) => admin.id === userId)) {
    throw new ServiceError('BAD_REQUEST', 'id: the last active admin cannot be deactivated or lose the admin role');
  }
}
