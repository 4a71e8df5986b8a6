import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { rowsOf } from '@/db/client';
import { leadDistributionState, userAbsences, users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { eligibleManagers } from '../leads/distribution/eligible-managers';
import { addAbsenceInput, distributionTeamInput, removeAbsenceInput, updateDistributionMemberInput } from './distribution-schemas';
import { managedTeam, requireTeamMember } from './team-authority';

/**
 * How the team's new leads are shared out, per manager: weight, cap, working hours, absences,
 * and, to check it works, who is at work now, open leads and leads received so far.
 */
export async function getDistributionSettings(ctx: ServiceContext, rawInput: z.input<typeof distributionTeamInput> = {}, now = new Date()) {
  const input = distributionTeamInput.parse(rawInput);
  const teamId = managedTeam(ctx.actor, input.teamId, 'forReading');
  if (teamId === null) return { teamId: null, members: [] };
  const members = await ctx.db
    .select({ id: users.id, name: users.name, version: users.version, leadWeight: users.leadWeight, openLeadCap: users.openLeadCap, workSchedule: users.workSchedule, received: leadDistributionState.assignedCount })
    .from(users)
    .leftJoin(leadDistributionState, and(eq(leadDistributionState.userId, users.id), eq(leadDistributionState.teamId, teamId)))
    .where(and(eq(users.teamId, teamId), eq(users.role, 'manager'), eq(users.isActive, true)))
    .orderBy(asc(users.name));
  const ids = members.length ? members.map((member) => member.id) : [0];
  const today = now.toISOString().slice(0, 10);
  const [atWork, absences, openLeads] = await Promise.all([
    eligibleManagers(ctx.db, teamId, now).then((list) => new Set(list.map((c) => c.userId))),
    ctx.db
      .select({ id: userAbsences.id, userId: userAbsences.userId, kind: userAbsences.kind, startsOn: userAbsences.startsOn, endsOn: userAbsences.endsOn, note: userAbsences.note })
      .from(userAbsences)
      .where(and(inArray(userAbsences.userId, ids), gte(userAbsences.endsOn, today)))
      .orderBy(asc(userAbsences.startsOn)),
    ctx.db.execute(sql`select owner_id, count(*)::int as n from leads where owner_id in ${ids} and status in ('new', 'in_progress') group by owner_id`),
  ]);
  const openByOwner = new Map(rowsOf<{ owner_id: number; n: number }>(openLeads).map((row) => [row.owner_id, row.n]));
  return {
    teamId,
    members: members.map((member) => ({
      ...member,
      received: member.received ?? 0,
      openLeads: openByOwner.get(member.id) ?? 0,
      atWorkNow: atWork.has(member.id),
      absences: absences.filter((absence) => absence.userId === member.id),
    })),
  };
}

export async function updateDistributionMember(ctx: ServiceContext, rawInput: z.input<typeof updateDistributionMemberInput>) {
  const input = updateDistributionMemberInput.parse(rawInput);
  managedTeam(ctx.actor, undefined, 'forChange');
  return ctx.db.transaction(async (tx) => {
    const member = await requireTeamMember(tx, ctx.actor, input.userId);
    if (member.version !== input.version) throw new ServiceError('CONFLICT', 'Someone changed this manager meanwhile: reload and try again');
    const patch = { leadWeight: input.leadWeight, openLeadCap: input.openLeadCap, workSchedule: input.workSchedule };
    await tx.update(users).set({ ...patch, version: member.version + 1, updatedAt: new Date() }).where(eq(users.id, member.id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'user.leadDistribution', entityType: 'user', entityId: member.id, changes: { ...diffFields(member, patch), version: [member.version, member.version + 1] } });
    return { id: member.id, version: member.version + 1 };
  });
}

export async function addAbsence(ctx: ServiceContext, rawInput: z.input<typeof addAbsenceInput>) {
  const input = addAbsenceInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    await requireTeamMember(tx, ctx.actor, input.userId, true);
    const [row] = await tx.insert(userAbsences).values({ ...input, createdBy: ctx.actor.id }).returning({ id: userAbsences.id });
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'absence.create', entityType: 'absence', entityId: row!.id, changes: diffFields({}, input) });
    return row!;
  });
}

export async function removeAbsence(ctx: ServiceContext, rawInput: z.input<typeof removeAbsenceInput>) {
  const input = removeAbsenceInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [absence] = await tx.select().from(userAbsences).where(eq(userAbsences.id, input.id));
    if (!absence) throw new ServiceError('NOT_FOUND', 'absence not found');
    await requireTeamMember(tx, ctx.actor, absence.userId, true);
    await tx.delete(userAbsences).where(eq(userAbsences.id, absence.id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'absence.delete', entityType: 'absence', entityId: absence.id, changes: { userId: [absence.userId, null], kind: [absence.kind, null], startsOn: [absence.startsOn, null], endsOn: [absence.endsOn, null] } });
    return { id: absence.id };
  });
}
