import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session-user';
import { ServiceError } from '../errors';

/**
 * The team a head or an admin manages in this request: a head always their own, an admin the
 * one asked for. Executives read (`forReading`) any team but change none.
 */
export function managedTeam(actor: SessionUser, requested: number | undefined, mode: 'forReading' | 'forChange'): number | null {
  if (actor.role === 'head') {
    if (actor.teamId === null) throw new ServiceError('FORBIDDEN', 'You lead no team');
    return actor.teamId;
  }
  if (actor.role === 'admin' || (actor.role === 'executive' && mode === 'forReading')) return requested ?? null;
  throw new ServiceError('FORBIDDEN', 'Only the head of the team or an admin may do this');
}

/**
 * A user whose lead-distribution settings the actor may change: a member of the head's team (any,
 * for an admin); with `selfAllowed`, also oneself (a manager marks own sick leave).
 */
export async function requireTeamMember(tx: Database, actor: SessionUser, userId: number, selfAllowed = false) {
  const [member] = await tx
    .select({ id: users.id, teamId: users.teamId, role: users.role, version: users.version, leadWeight: users.leadWeight, openLeadCap: users.openLeadCap, workSchedule: users.workSchedule })
    .from(users)
    .where(eq(users.id, userId));
  if (!member) throw new ServiceError('NOT_FOUND', 'user not found');
  const allowed = actor.role === 'admin' || (actor.role === 'head' && actor.teamId !== null && member.teamId === actor.teamId) || (selfAllowed && actor.id === member.id);
  if (!allowed) throw new ServiceError('NOT_FOUND', 'user not found');
  return member;
}
