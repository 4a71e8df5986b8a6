import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { rowsOf } from '@/db/client';
import { leads, leadSlaBreaches, teams, users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { acknowledgeAlertInput, distributionTeamInput } from './distribution-schemas';
import { managedTeam } from './team-authority';

const fromUser = alias(users, 'from_user');
const toUser = alias(users, 'to_user');

/**
 * What the head must know about incoming leads: response-SLA breaches not yet acknowledged
 * (who missed it, who has the lead now) and leads still waiting for someone at work.
 */
export async function getLeadAlerts(ctx: ServiceContext, rawInput: z.input<typeof distributionTeamInput> = {}) {
  const input = distributionTeamInput.parse(rawInput);
  const teamId = managedTeam(ctx.actor, input.teamId, 'forReading');
  const inTeam = teamId === null ? undefined : eq(leadSlaBreaches.teamId, teamId);
  const breaches = await ctx.db
    .select({
      id: leadSlaBreaches.id,
      leadId: leads.id,
      leadTitle: leads.title,
      dueAt: leadSlaBreaches.dueAt,
      fromName: fromUser.name,
      toName: toUser.name,
      teamName: teams.name,
    })
    .from(leadSlaBreaches)
    .innerJoin(leads, eq(leads.id, leadSlaBreaches.leadId))
    .leftJoin(fromUser, eq(fromUser.id, leadSlaBreaches.fromUserId))
    .leftJoin(toUser, eq(toUser.id, leadSlaBreaches.toUserId))
    .leftJoin(teams, eq(teams.id, leadSlaBreaches.teamId))
    .where(and(isNull(leadSlaBreaches.acknowledgedAt), inTeam))
    .orderBy(desc(leadSlaBreaches.dueAt))
    .limit(100);
  const [waiting] = rowsOf<{ n: number }>(
    await ctx.db.execute(sql`select count(*)::int as n from leads where owner_id is null and status = 'new'
      ${teamId === null ? sql`and team_id is not null` : sql`and team_id = ${teamId}`}`),
  );
  return { breaches, waiting: waiting?.n ?? 0 };
}

/** The head has seen a breach: it leaves the board (the lead's history keeps it). */
export async function acknowledgeLeadAlert(ctx: ServiceContext, rawInput: z.input<typeof acknowledgeAlertInput>) {
  const input = acknowledgeAlertInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [breach] = await tx.select().from(leadSlaBreaches).where(eq(leadSlaBreaches.id, input.id));
    if (!breach) throw new ServiceError('NOT_FOUND', 'alert not found');
    const teamId = managedTeam(ctx.actor, breach.teamId ?? undefined, 'forChange');
    if (teamId !== null && breach.teamId !== teamId) throw new ServiceError('NOT_FOUND', 'alert not found');
    if (breach.acknowledgedAt) return { id: breach.id };
    const now = new Date();
    await tx.update(leadSlaBreaches).set({ acknowledgedAt: now, acknowledgedBy: ctx.actor.id, updatedAt: now }).where(eq(leadSlaBreaches.id, breach.id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'lead.slaAcknowledge', entityType: 'lead', entityId: breach.leadId, changes: { acknowledgedAt: [null, now] } });
    return { id: breach.id };
  });
}
