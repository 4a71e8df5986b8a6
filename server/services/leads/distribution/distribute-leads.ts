import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { eligibleManagers } from './eligible-managers';
import { leadSettings, minutesAfter } from './org-lead-settings';
import { planAssignments, type AssignmentPlan } from './plan-assignments';

/** Advisory-lock namespace of lead distribution; the second key is the team id. */
const DISTRIBUTION_LOCK = 71_001;
const BATCH = 500;
/** How long a run waits for more arriving leads before it starts. */
const GATHER_MS = 5;

/** The subject of the first task; stored text like every automation's (the product speaks Russian first). */
export const FIRST_TASK_SUBJECT = 'Связаться с новым лидом';

/** Serialises every pick of a team's "next manager" across connections and app servers. */
export async function lockTeamRotation(tx: Database, teamId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${DISTRIBUTION_LOCK}, ${teamId})`);
}


export async function teamVirtualTime(tx: Database, teamId: number): Promise<number> {
  const [row] = rowsOf<{ virtual_time: number }>(
    await tx.execute(sql`select virtual_time::float8 as virtual_time from lead_distribution_teams where team_id = ${teamId}`),
  );
  return row ? Number(row.virtual_time) : 0;
}

/** Writes the rotation state a plan produced, in one statement (call under the team lock). */
export async function saveRotation(tx: Database, teamId: number, plan: AssignmentPlan, now: Date): Promise<void> {
  const stamp = now.toISOString();
  const states = [...plan.passes].map(([userId, state]) => sql`(${userId}::int, ${state.pass}::numeric, ${state.assigned}::bigint)`);
  await tx.execute(sql`
    with states (user_id, pass, assigned) as (values ${sql.join(states, sql`, `)}),
    saved as (
      insert into lead_distribution_state (team_id, user_id, pass, assigned_count, last_assigned_at)
      select ${teamId}, user_id, pass, assigned, ${stamp}::timestamptz from states
      on conflict (team_id, user_id) do update
        set pass = excluded.pass, assigned_count = lead_distribution_state.assigned_count + excluded.assigned_count,
            last_assigned_at = excluded.last_assigned_at)
    insert into lead_distribution_teams (team_id, virtual_time) values (${teamId}, ${plan.virtualTime})
    on conflict (team_id) do update set virtual_time = excluded.virtual_time`);
}

/**
 * Hands the team's waiting leads (arrived, no owner yet) to its managers at work, oldest first,
 * in one transaction per batch under the team lock: each gets an owner, a response deadline, a
 * first task and a history entry. Leads nobody can take now (nobody at work, all capped) wait for
 * the next pass of the scheduler. Returns who got which lead (lead id → owner id).
 */
export async function distributeTeamLeads(db: Database, teamId: number, now = new Date()): Promise<Map<number, number>> {
  const assigned = new Map<number, number>();
  for (;;) {
    const batch = await distributeBatch(db, teamId, now);
    for (const { leadId, ownerId } of batch.assignments) assigned.set(leadId, ownerId);
    if (!batch.more) return assigned;
  }
}

async function distributeBatch(db: Database, teamId: number, now: Date) {
  return db.transaction(async (tx) => {
    await lockTeamRotation(tx, teamId);
    const waiting = rowsOf<{ id: number }>(
      await tx.execute(sql`
        select id from leads where team_id = ${teamId} and owner_id is null and status = 'new'
        order by id limit ${BATCH}`),
    ).map((row) => row.id);
    const none = { assignments: [] as { leadId: number; ownerId: number }[], more: false };
    if (waiting.length === 0) return none;
    const candidates = await eligibleManagers(tx, teamId, now);
    if (candidates.length === 0) return none;
    const plan = planAssignments(candidates, waiting.length, await teamVirtualTime(tx, teamId), now);
    const assignments = waiting.flatMap((leadId, index) => {
      const ownerId = plan.owners[index];
      return ownerId ? [{ leadId, ownerId }] : [];
    });
    if (assignments.length === 0) return none;
    await assignLeads(tx, assignments, now, 'lead.assign');
    await saveRotation(tx, teamId, plan, now);
    // A full batch with everyone placed: more may be waiting behind it.
    return { assignments, more: waiting.length === BATCH && assignments.length === BATCH };
  });
}

/**
 * Sees just-stored leads through distribution. Posts arriving together share one run per team
 * and process: a run already going may have missed the new leads, so they join the next run,
 * which every post arriving meanwhile shares too. That keeps intake at one distribution
 * transaction per burst, not per lead. Returns each lead's owner; a lead missing from the map
 * could not be placed now (nobody at work, all capped) and waits for the scheduler.
 */
export async function distributeArrivedLeads(db: Database, leads: { leadId: number; teamId: number }[], now = new Date()): Promise<Map<number, number>> {
  const owners = new Map<number, number>();
  const teamIds = [...new Set(leads.map((lead) => lead.teamId))];
  const runs = await Promise.all(teamIds.map((teamId) => coalescedRun(db, teamId, () => distributeTeamLeads(db, teamId, now))));
  for (const run of runs) for (const [leadId, ownerId] of run) owners.set(leadId, ownerId);
  // Not in this process's run: another server's run may have placed it.
  const missing = leads.filter((lead) => !owners.has(lead.leadId)).map((lead) => lead.leadId);
  if (missing.length > 0) {
    const placed = rowsOf<{ id: number; owner_id: number }>(
      await db.execute(sql`select id, owner_id from leads where id in ${missing} and owner_id is not null`),
    );
    for (const row of placed) owners.set(row.id, row.owner_id);
  }
  return owners;
}

/**
 * Gives leads to new owners with a fresh response deadline, and their first task (created once,
 * then handed over with the lead), with a history entry each. Set-based: one statement per table.
 */
export async function assignLeads(
  tx: Database,
  assignments: { leadId: number; ownerId: number }[],
  now: Date,
  action: 'lead.assign' | 'lead.slaReassign' | 'lead.reassign',
  /** Who did it: null for distribution and the SLA watch (the system). */
  actorId: number | null = null,
): Promise<void> {
  const settings = await leadSettings(tx);
  const stamp = now.toISOString();
  const dueAt = minutesAfter(now, settings.responseSlaMinutes).toISOString();
  const taskDueAt = minutesAfter(now, settings.firstTaskDelayMinutes).toISOString();
  const pairs = sql.join(assignments.map((a) => sql`(${a.leadId}::int, ${a.ownerId}::int)`), sql`, `);
  await tx.execute(sql`
    with chosen (lead_id, owner_id) as (values ${pairs}),
    before as (select l.id, l.owner_id, l.response_due_at from leads l join chosen c on c.lead_id = l.id),
    changed as (
      update leads l set owner_id = c.owner_id, assigned_at = ${stamp}::timestamptz, response_due_at = ${dueAt}::timestamptz,
             version = l.version + 1, updated_at = ${stamp}::timestamptz
      from chosen c where l.id = c.lead_id
      returning l.id, l.owner_id, l.response_due_at)
    insert into audit_log (actor_id, action, entity_type, entity_id, changes, created_at, updated_at)
    select ${actorId}::int, ${action}, 'lead', changed.id,
           jsonb_build_object('ownerId', jsonb_build_array(before.owner_id, changed.owner_id),
                              'responseDueAt', jsonb_build_array(before.response_due_at, changed.response_due_at)),
           ${stamp}::timestamptz, ${stamp}::timestamptz
    from changed join before on before.id = changed.id`);
  // The first task follows the lead: created on the first assignment, handed over on a reassignment.
  await tx.execute(sql`
    with chosen (lead_id, owner_id) as (values ${pairs})
    insert into activities (kind, subject, due_at, owner_id, lead_id, automation_key, created_at, updated_at)
    select 'task', ${FIRST_TASK_SUBJECT}, ${taskDueAt}::timestamptz, c.owner_id, c.lead_id, 'lead-first-task:' || c.lead_id,
           ${stamp}::timestamptz, ${stamp}::timestamptz
    from chosen c
    on conflict (automation_key) where automation_key is not null
    do update set owner_id = excluded.owner_id, version = activities.version + 1, updated_at = excluded.updated_at
      where activities.done_at is null`);
}

/** Teams that have leads waiting for an owner. */
export async function teamsWithWaitingLeads(db: Database): Promise<number[]> {
  return rowsOf<{ team_id: number }>(
    await db.execute(sql`select distinct team_id from leads where owner_id is null and status = 'new' and team_id is not null`),
  ).map((row) => row.team_id);
}

interface TeamRuns {
  current: Promise<Map<number, number>> | null;
  next: Promise<Map<number, number>> | null;
}
const runsByDatabase = new WeakMap<Database, Map<number, TeamRuns>>();

function coalescedRun(db: Database, teamId: number, run: () => Promise<Map<number, number>>): Promise<Map<number, number>> {
  let teams = runsByDatabase.get(db);
  if (!teams) runsByDatabase.set(db, (teams = new Map()));
  let runs = teams.get(teamId);
  if (!runs) teams.set(teamId, (runs = { current: null, next: null }));
  const state = runs;
  if (state.next) return state.next;
  const start = () => {
    state.next = null;
    // A short gathering pause lets a burst of posts share one run (one lock, one commit).
    const current = pause(GATHER_MS).then(run).finally(() => {
      if (state.current === current) state.current = null;
    });
    state.current = current;
    return current;
  };
  if (!state.current) return start();
  state.next = state.current.then(start, start);
  return state.next;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
