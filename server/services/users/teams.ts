import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { leads, teams, users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { requireAdmin } from './admin-guard';
import { createTeamInput, renameTeamInput, setTeamHeadInput } from './schemas';

/** Every team with its head and how many active members it has. */
export async function listTeamsForAdmin(ctx: ServiceContext) {
  requireAdmin(ctx);
  return ctx.db
    .select({
      id: teams.id,
      name: teams.name,
      headId: teams.headId,
      version: teams.version,
      memberCount: sql<number>`(select count(*)::int from ${users} u where u.team_id = ${teams}.id and u.is_active)`,
    })
    .from(teams)
    .orderBy(asc(teams.name), asc(teams.id));
}

async function lockTeam(tx: Database, id: number, version: number) {
  const [team] = await tx.select().from(teams).where(eq(teams.id, id)).for('update');
  if (!team) throw notFound('Team');
  if (team.version !== version) throw new ServiceError('CONFLICT', 'The team was changed by someone else', { currentVersion: team.version });
  return team;
}

export async function createTeam(ctx: ServiceContext, rawInput: z.input<typeof createTeamInput>) {
  requireAdmin(ctx);
  const input = createTeamInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [team] = await tx.insert(teams).values(input).returning({ id: teams.id, version: teams.version });
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'team.create', entityType: 'team', entityId: team!.id, changes: diffFields({}, input) });
    return team!;
  });
}

export async function renameTeam(ctx: ServiceContext, rawInput: z.input<typeof renameTeamInput>) {
  requireAdmin(ctx);
  const { id, version, name } = renameTeamInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const team = await lockTeam(tx, id, version);
    if (team.name === name) return { id, version };
    await tx.update(teams).set({ name, version: version + 1, updatedAt: new Date() }).where(eq(teams.id, id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'team.update', entityType: 'team', entityId: id, changes: { name: [team.name, name], version: [version, version + 1] } });
    return { id, version: version + 1 };
  });
}

/**
 * Makes a user the team's head: they join the team if they were elsewhere and their role becomes
 * head (a former head of this team keeps the head role, without the team's headship).
 */
export async function setTeamHead(ctx: ServiceContext, rawInput: z.input<typeof setTeamHeadInput>) {
  requireAdmin(ctx);
  const { id, version, headId } = setTeamHeadInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const team = await lockTeam(tx, id, version);
    if (team.headId === headId) return { id, version };
    if (headId !== null) {
      const [person] = await tx.select().from(users).where(eq(users.id, headId)).for('update');
      if (!person || !person.isActive || (person.role !== 'manager' && person.role !== 'head')) throw new ServiceError('BAD_REQUEST', 'headId: choose an active manager or head');
      await clearHeadship(tx, ctx.actor.id, headId);
      const patch = { role: 'head' as const, teamId: id };
      const changes = diffFields(person, patch);
      if (Object.keys(changes).length > 0) {
        await tx.update(users).set({ ...patch, version: person.version + 1, updatedAt: new Date() }).where(eq(users.id, headId));
        if (changes.teamId) await moveOwnLeadsToTeam(tx, headId, id);
        await writeAudit(tx, { actorId: ctx.actor.id, action: 'user.update', entityType: 'user', entityId: headId, changes: { ...changes, version: [person.version, person.version + 1] } });
      }
    }
    await tx.update(teams).set({ headId, version: version + 1, updatedAt: new Date() }).where(eq(teams.id, id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'team.setHead', entityType: 'team', entityId: id, changes: { headId: [team.headId, headId], version: [version, version + 1] } });
    return { id, version: version + 1 };
  });
}

/** Takes the headship of any team away from a user (they moved, lost the role or left), audited. */
export async function clearHeadship(tx: Database, actorId: number, userId: number) {
  const headed = await tx.select().from(teams).where(eq(teams.headId, userId)).for('update');
  for (const team of headed) {
    await tx.update(teams).set({ headId: null, version: team.version + 1, updatedAt: new Date() }).where(eq(teams.id, team.id));
    await writeAudit(tx, { actorId, action: 'team.setHead', entityType: 'team', entityId: team.id, changes: { headId: [userId, null], version: [team.version, team.version + 1] } });
  }
}

/**
 * A lead belongs to its owner's team (distribution and a head's view go by it): when a person
 * changes team, so do the leads they own. Bookkeeping that follows the person, so no audit row.
 */
export async function moveOwnLeadsToTeam(tx: Database, userId: number, teamId: number | null) {
  await tx.update(leads).set({ teamId }).where(and(eq(leads.ownerId, userId), sql`${leads.teamId} is distinct from ${teamId}`));
}
