import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { organisation, teams, userAbsences, users } from '@/db/schema';
import { DRIVERS, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { intakeLead } from '../intake-lead';
import { distributeTeamLeads } from './distribute-leads';
import { listLeads } from '../list-leads';
import { startLead } from '../lead-status';
import { enforceResponseSla } from './enforce-response-sla';

/** Monday 23 November 2026, 12:00 in Moscow. */
const NOW = new Date('2026-11-23T09:00:00Z');
const UNUSABLE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

async function addManager(db: Database, teamId: number, name: string, extra: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await db
    .insert(users)
    .values({ email: `${name}.${Math.random().toString(36).slice(2, 8)}@test.local`, name, role: 'manager', teamId, passwordHash: UNUSABLE_HASH, ...extra })
    .returning({ id: users.id });
  return row!.id;
}

/** A team of its own per test: distribution state is per team, so tests sharing a database stay apart. */
async function teamWorld(db: Database) {
  const f = await buildScopeFixture(db);
  const teamId = f.managerA1.teamId!;
  const absent = await addManager(db, teamId, 'On vacation');
  await db.insert(userAbsences).values({ userId: absent, kind: 'vacation', startsOn: '2026-11-16', endsOn: '2026-11-27' });
  const offShift = await addManager(db, teamId, 'Weekend shift', { workSchedule: { days: [6, 7], from: '09:00', to: '18:00' } });
  const dayShift = await addManager(db, teamId, 'Day shift', { workSchedule: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' } });
  const heavy = await addManager(db, teamId, 'Double weight', { leadWeight: 2 });
  return { f, teamId, absent, offShift, dayShift, heavy, equal: [f.managerA1.id, f.managerA2.id, dayShift] };
}

async function ownersOf(db: Database, teamId: number) {
  return rowsOf<{ owner_id: number | null; n: number }>(
    await db.execute(sql`select owner_id, count(*)::int as n from leads where team_id = ${teamId} group by owner_id`),
  );
}

const post = (db: Database, teamId: number, index: number, now = NOW) =>
  intakeLead(db, { apiKeyId: null, teamId }, { name: `Клиент ${index}`, phone: `+7 912 ${String(1_000_000 + index).slice(-7)}` }, now);

describe.each(DRIVERS)('lead distribution on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('1,000 concurrent leads: equal-weight managers at work differ by at most one, weights hold, absent and off-shift get none, none lost', async () => {
    const db = database().db;
    const world = await teamWorld(db);
    const results = await Promise.all(Array.from({ length: 1000 }, (_, index) => post(db, world.teamId, index)));
    expect(new Set(results.map((result) => result.id)).size).toBe(1000);
    expect(results.every((result) => result.ownerId !== null)).toBe(true);

    const perOwner = new Map((await ownersOf(db, world.teamId)).map((row) => [row.owner_id, row.n]));
    expect([...perOwner.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    expect(perOwner.get(null)).toBeUndefined();
    expect(perOwner.get(world.absent)).toBeUndefined();
    expect(perOwner.get(world.offShift)).toBeUndefined();
    const equal = world.equal.map((id) => perOwner.get(id) ?? 0);
    expect(Math.max(...equal) - Math.min(...equal)).toBeLessThanOrEqual(1);
    expect(Math.abs((perOwner.get(world.heavy) ?? 0) - 2 * equal[0]!)).toBeLessThanOrEqual(2);

    // Every lead has exactly one first task, for its owner, due 15 minutes after arrival.
    const [tasks] = rowsOf<{ leads: number; tasks: number; right_owner: number; due_ok: number }>(
      await db.execute(sql`
        select count(distinct l.id)::int as leads, count(a.id)::int as tasks,
               count(*) filter (where a.owner_id = l.owner_id)::int as right_owner,
               count(*) filter (where a.due_at = ${NOW.toISOString()}::timestamptz + interval '15 minutes')::int as due_ok
        from leads l join activities a on a.lead_id = l.id where l.team_id = ${world.teamId}`),
    );
    expect(tasks).toEqual({ leads: 1000, tasks: 1000, right_owner: 1000, due_ok: 1000 });
    // And one assignment entry in its history.
    const [history] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from audit_log a join leads l on l.id = a.entity_id
        where a.entity_type = 'lead' and a.action = 'lead.assign' and l.team_id = ${world.teamId}`),
    );
    expect(history!.n).toBe(1000);
  }, 120_000);

  it('keeps leads waiting while nobody is at work and hands them out when someone is', async () => {
    const db = database().db;
    const f = await buildScopeFixture(db);
    const teamId = f.managerB1.teamId!;
    await db.update(users).set({ workSchedule: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' } }).where(eq(users.teamId, teamId));
    const night = new Date('2026-11-23T20:00:00Z'); // 23:00 in Moscow
    const result = await post(db, teamId, 1, night);
    expect(result.ownerId).toBeNull();
    // Waiting, the lead is on its head's list, not on a manager's or another head's.
    const idsFor = async (actor: typeof f.headB) => (await listLeads({ db, actor }, { pageSize: 100 })).items.map((row) => row.id);
    expect(await idsFor(f.headB)).toContain(result.id);
    expect(await idsFor(f.managerB1)).not.toContain(result.id);
    expect(await idsFor(f.headA)).not.toContain(result.id);
    const morning = new Date('2026-11-24T06:30:00Z'); // 09:30 in Moscow
    expect((await distributeTeamLeads(db, teamId, morning)).size).toBe(1);
    expect((await ownersOf(db, teamId)).map((row) => row.owner_id)).toEqual([f.managerB1.id]);
  });

  it('a head who takes up a waiting lead becomes its owner', async () => {
    const db = database().db;
    const f = await buildScopeFixture(db);
    const teamId = f.managerB1.teamId!;
    await db.insert(userAbsences).values({ userId: f.managerB1.id, kind: 'day_off', startsOn: '2026-11-23', endsOn: '2026-11-23' });
    const waiting = await post(db, teamId, 3);
    expect(waiting.ownerId).toBeNull();
    await startLead({ db, actor: f.headB }, { id: waiting.id, version: 1 });
    expect((await ownersOf(db, teamId)).map((row) => row.owner_id)).toEqual([f.headB.id]);
  });

  it('respects the cap on open leads', async () => {
    const db = database().db;
    const f = await buildScopeFixture(db);
    const teamId = f.managerA1.teamId!;
    await db.update(users).set({ openLeadCap: 2 }).where(eq(users.id, f.managerA1.id));
    await db.update(users).set({ openLeadCap: 3 }).where(eq(users.id, f.managerA2.id));
    for (let index = 0; index < 7; index += 1) await post(db, teamId, index);
    const perOwner = new Map((await ownersOf(db, teamId)).map((row) => [row.owner_id, row.n]));
    expect(perOwner.get(f.managerA1.id)).toBe(2);
    expect(perOwner.get(f.managerA2.id)).toBe(3);
    expect(perOwner.get(null)).toBe(2);
  });
});

describe.each(DRIVERS)('response SLA on %s', (driver) => {
  const database = useFreshDatabase(driver);

  async function slaWorld(db: Database) {
    const f = await buildScopeFixture(db);
    const teamId = f.managerA1.teamId!;
    await db.update(organisation).set({ leadResponseSlaMinutes: 30 }).where(eq(organisation.id, 1));
    const lead = await post(db, teamId, 1);
    return { f, teamId, lead, dueAt: new Date(NOW.getTime() + 30 * 60_000) };
  }

  const breachesOf = async (db: Database, leadId: number) =>
    rowsOf<{ from_user_id: number; to_user_id: number | null; due_at: string | Date }>(
      await db.execute(sql`select from_user_id, to_user_id, due_at from lead_sla_breaches where lead_id = ${leadId} order by id`),
    );

  it('fires once, exactly when due: reassigns to the next manager, records the breach for the head, both in history', async () => {
    const db = database().db;
    const { f, lead, dueAt } = await slaWorld(db);
    expect(lead.ownerId).toBe(f.managerA1.id);
    expect(await enforceResponseSla(db, new Date(dueAt.getTime() - 1))).toBe(0);
    expect(await breachesOf(db, lead.id)).toEqual([]);

    expect(await enforceResponseSla(db, dueAt)).toBe(1);
    expect(await enforceResponseSla(db, dueAt)).toBe(0);
    expect(await enforceResponseSla(db, new Date(dueAt.getTime() + 60_000))).toBe(0);
    const breaches = await breachesOf(db, lead.id);
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({ from_user_id: f.managerA1.id, to_user_id: f.managerA2.id });

    const [row] = rowsOf<{ owner_id: number; response_due_at: string | Date; task_owner: number }>(
      await db.execute(sql`select l.owner_id, l.response_due_at, a.owner_id as task_owner from leads l
        join activities a on a.lead_id = l.id where l.id = ${lead.id}`),
    );
    expect(row!.owner_id).toBe(f.managerA2.id);
    expect(row!.task_owner).toBe(f.managerA2.id);
    expect(new Date(row!.response_due_at).getTime()).toBe(dueAt.getTime() + 30 * 60_000);
    const actions = rowsOf<{ action: string }>(
      await db.execute(sql`select action from audit_log where entity_type = 'lead' and entity_id = ${lead.id} order by id`),
    ).map((entry) => entry.action);
    expect(actions).toEqual(['lead.intake', 'lead.assign', 'lead.slaReassign']);
  });

  it('leaves a touched lead alone', async () => {
    const db = database().db;
    const { lead, dueAt } = await slaWorld(db);
    await db.execute(sql`update leads set status = 'in_progress' where id = ${lead.id}`);
    expect(await enforceResponseSla(db, dueAt)).toBe(0);
    expect(await breachesOf(db, lead.id)).toEqual([]);
  });

  it('with nobody else at work records the breach once and keeps the owner', async () => {
    const db = database().db;
    const f = await buildScopeFixture(db);
    const teamId = f.managerB1.teamId!;
    const lead = await post(db, teamId, 2);
    const dueAt = new Date(NOW.getTime() + 30 * 60_000);
    // Other tests' leads share this database: count this lead's breaches, not the runs' totals.
    await enforceResponseSla(db, dueAt);
    await enforceResponseSla(db, new Date(dueAt.getTime() + 3_600_000));
    expect(await breachesOf(db, lead.id)).toMatchObject([{ from_user_id: f.managerB1.id, to_user_id: null }]);
    const [team] = await db.select({ headId: teams.headId }).from(teams).where(eq(teams.id, teamId));
    expect(team!.headId).toBe(f.headB.id);
  });
});
