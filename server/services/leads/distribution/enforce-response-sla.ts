import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { assignLeads, lockTeamRotation, saveRotation, teamVirtualTime } from './distribute-leads';
import { eligibleManagers } from './eligible-managers';
import { planAssignments } from './plan-assignments';

interface OverdueLead {
  id: number;
  team_id: number;
  owner_id: number;
  response_due_at: string | Date;
}

/**
 * The response SLA: a distributed lead still untouched (status new, no activity done) at its
 * deadline goes to the next manager at work in the rotation, and the head is told through a
 * breach on the hygiene board. One breach per lead and deadline (a unique key), so the rule fires
 * once however often and on however many servers it runs; the new owner gets a fresh deadline.
 * With nobody else at work the breach is still recorded, the owner stays, and the deadline is
 * cleared so it does not fire again. Returns the number of breaches recorded.
 */
export async function enforceResponseSla(db: Database, now = new Date()): Promise<number> {
  const teams = rowsOf<{ team_id: number }>(
    await db.execute(sql`
      select distinct team_id from leads
      where status = 'new' and response_due_at <= ${now.toISOString()}::timestamptz and first_activity_at is null
        and owner_id is not null and team_id is not null`),
  ).map((row) => row.team_id);
  let breaches = 0;
  for (const teamId of teams) breaches += await enforceForTeam(db, teamId, now);
  return breaches;
}

async function enforceForTeam(db: Database, teamId: number, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await lockTeamRotation(tx, teamId);
    const overdue = rowsOf<OverdueLead>(
      await tx.execute(sql`
        select id, team_id, owner_id, response_due_at from leads
        where team_id = ${teamId} and status = 'new' and response_due_at <= ${now.toISOString()}::timestamptz
          and first_activity_at is null and owner_id is not null
        order by response_due_at, id
        for update skip locked`),
    );
    let recorded = 0;
    for (const lead of overdue) {
      const next = await pickNextManager(tx, teamId, lead.owner_id, now);
      const inserted = rowsOf<{ id: number }>(
        await tx.execute(sql`
          insert into lead_sla_breaches (lead_id, team_id, from_user_id, to_user_id, due_at, created_at, updated_at)
          values (${lead.id}, ${teamId}, ${lead.owner_id}, ${next}, ${new Date(lead.response_due_at).toISOString()}::timestamptz,
                  ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
          on conflict (lead_id, due_at) do nothing
          returning id`),
      );
      if (inserted.length === 0) continue;
      recorded += 1;
      if (next !== null) {
        await assignLeads(tx, [{ leadId: lead.id, ownerId: next }], now, 'lead.slaReassign');
      } else {
        await tx.execute(sql`
          with changed as (update leads set response_due_at = null, version = version + 1, updated_at = ${now.toISOString()}::timestamptz
                           where id = ${lead.id} returning id)
          insert into audit_log (actor_id, action, entity_type, entity_id, changes, created_at, updated_at)
          select null, 'lead.slaBreach', 'lead', id,
                 jsonb_build_object('responseDueAt', jsonb_build_array(${new Date(lead.response_due_at).toISOString()}::timestamptz, null)),
                 ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
          from changed`);
      }
    }
    return recorded;
  });
}

/** The next manager at work in the rotation other than the current owner, or null. */
async function pickNextManager(tx: Database, teamId: number, currentOwner: number, now: Date): Promise<number | null> {
  const candidates = await eligibleManagers(tx, teamId, now, [currentOwner]);
  if (candidates.length === 0) return null;
  const plan = planAssignments(candidates, 1, await teamVirtualTime(tx, teamId), now);
  const owner = plan.owners[0] ?? null;
  if (owner !== null) await saveRotation(tx, teamId, plan, now);
  return owner;
}
