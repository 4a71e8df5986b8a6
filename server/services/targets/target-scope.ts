import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { teams, users } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session-user';
import { ServiceError } from '../errors';

export interface TargetTeam {
  teamId: number;
  teamName: string;
  /** Whose targets the actor sees: the team's active managers (a manager: only self). */
  members: { id: number; name: string }[];
}

/**
 * Whose targets the actor reads (issue 8): a manager only own, a head only the own team (asking
 * for another team is refused), an executive or admin any team (the asked one, else the first).
 */
export async function readableTargetTeam(db: Database, actor: SessionUser, requested: number | undefined): Promise<TargetTeam> {
  let teamId: number | undefined = requested;
  if (actor.role === 'manager' || actor.role === 'head') {
    if (actor.teamId === null) throw new ServiceError('FORBIDDEN', 'You are in no team');
    if (requested !== undefined && requested !== actor.teamId) throw new ServiceError('FORBIDDEN', 'teamId: you see only your own team');
    teamId = actor.teamId;
  }
  const [team] = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(teamId === undefined ? undefined : eq(teams.id, teamId))
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(1);
  if (!team) throw new ServiceError('NOT_FOUND', 'teamId: team not found');
  if (actor.role === 'manager') return { teamId: team.id, teamName: team.name, members: [{ id: actor.id, name: actor.name }] };
  const members = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.teamId, team.id), eq(users.role, 'manager'), eq(users.isActive, true)))
    .orderBy(asc(users.name), asc(users.id));
  return { teamId: team.id, teamName: team.name, members };
}

/** A user target: the head of the user's team or an admin sets it. */
export async function requireUserTargetSetter(db: Database, actor: SessionUser, userId: number): Promise<{ teamId: number | null }> {
  const [user] = await db.select({ teamId: users.teamId, role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) throw new ServiceError('NOT_FOUND', 'userId: user not found');
  if (actor.role === 'admin') return { teamId: user.teamId };
  if (actor.role === 'head' && actor.teamId !== null && user.teamId === actor.teamId) return { teamId: user.teamId };
  // Someone else's team: as if the user did not exist.
  if (actor.role === 'head') throw new ServiceError('NOT_FOUND', 'userId: user not found');
  throw new ServiceError('FORBIDDEN', 'Only the head of the team or an admin sets a manager\'s targets');
}

/** A team target: an executive or an admin sets it (issue 8). */
export function requireTeamTargetSetter(actor: SessionUser) {
  if (actor.role !== 'executive' && actor.role !== 'admin') throw new ServiceError('FORBIDDEN', 'Only an executive or an admin sets a team\'s targets');
}

/** May the actor change the managers' / the team's targets (for the screen's edit controls)? */
export function targetEditRights(actor: SessionUser) {
  return { members: actor.role === 'head' || actor.role === 'admin', team: actor.role === 'executive' || actor.role === 'admin' };
}
