/**
 * activity_daily and lead_response_daily stay equal to a full recompute, written here from the
 * definitions (not the migration's functions), after writes through every path that makes them:
 * the activity services, lead intake with distribution's first task, merges and their undo, the
 * automations, and plain SQL (multi-row updates, deletes, a cascade); after a change of the
 * organisation's time zone; and the repair finds and fixes a broken table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { createTask } from '@/server/services/activities/create-task';
import { logActivity } from '@/server/services/activities/log-activity';
import { completeTask, reassignTask, rescheduleTask } from '@/server/services/activities/task-changes';
import { runAutomations } from '@/server/services/automations/run-automations';
import { intakeLead } from '@/server/services/leads/intake-lead';
import { mergeRecords } from '@/server/services/merges/merge-records';
import { undoMerge } from '@/server/services/merges/undo-merge';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { activityDaily, leadResponseDaily } from './activity-daily';

const SEEDED_AT = new Date('2026-11-22T09:30:00Z');

/** activity_daily as the definition says, from activities: done on the local day, planned on the due day. */
async function recomputedActivityDaily(db: Database) {
  return rowsOf<Record<string, number | string>>(
    await db.execute(sql`
      with tz as (select time_zone as name from organisation where id = 1),
      done as (
        select owner_id, (done_at at time zone (select name from tz))::date as day,
               count(*) filter (where kind = 'call') as calls,
               count(*) filter (where kind = 'call' and direction = 'in') as calls_in,
               count(*) filter (where kind = 'call' and direction = 'out') as calls_out,
               coalesce(sum(duration_sec) filter (where kind = 'call'), 0) as talk_seconds,
               count(*) filter (where kind = 'meeting') as meetings,
               count(*) filter (where kind = 'email') as emails,
               count(*) filter (where kind = 'task') as tasks_done
        from activities where done_at is not null group by 1, 2
      ),
      due as (
        select owner_id, (due_at at time zone (select name from tz))::date as day, count(*) as planned_due,
               count(*) filter (where done_at > due_at) as planned_late, count(*) filter (where done_at is null) as planned_open
        from activities where due_at is not null group by 1, 2
      )
      select coalesce(done.owner_id, due.owner_id) as owner_id, coalesce(done.day, due.day)::text as day,
             coalesce(calls, 0)::int as calls, coalesce(calls_in, 0)::int as calls_in, coalesce(calls_out, 0)::int as calls_out,
             coalesce(talk_seconds, 0)::int as talk_seconds, coalesce(meetings, 0)::int as meetings, coalesce(emails, 0)::int as emails,
             coalesce(tasks_done, 0)::int as tasks_done, coalesce(planned_due, 0)::int as planned_due,
             coalesce(planned_late, 0)::int as planned_late, coalesce(planned_open, 0)::int as planned_open
      from done full join due on due.owner_id = done.owner_id and due.day = done.day
      -- A day whose only activities are notes has nothing to count.
      where coalesce(calls, 0) + coalesce(meetings, 0) + coalesce(emails, 0) + coalesce(tasks_done, 0) + coalesce(planned_due, 0) > 0
      order by 1, 2`),
  );
}

async function storedActivityDaily(db: Database) {
  return rowsOf<Record<string, number | string>>(
    await db.execute(sql`
      select owner_id, day::text as day, calls, calls_in, calls_out, talk_seconds, meetings, emails, tasks_done,
             planned_due, planned_late, planned_open
      from activity_daily order by 1, 2`),
  );
}

/** lead_response_daily from leads, the first response recomputed from the activities themselves. */
async function recomputedLeadResponse(db: Database) {
  return rowsOf<Record<string, number | string | number[]>>(
    await db.execute(sql`
      with tz as (select time_zone as name from organisation where id = 1),
      timed as (
        select l.owner_id, (l.created_at at time zone (select name from tz))::date as day,
               (select min(a.done_at) from activities a where a.lead_id = l.id) - l.created_at as response
        from leads l where l.owner_id is not null
      )
      select owner_id, day::text as day, count(*)::int as leads, count(response)::int as responded,
             coalesce(sum((extract(epoch from response) * 1000000)::bigint), 0)::text as response_us,
             array[
               count(*) filter (where response < interval '5 minutes'),
               count(*) filter (where response >= interval '5 minutes' and response < interval '15 minutes'),
               count(*) filter (where response >= interval '15 minutes' and response < interval '30 minutes'),
               count(*) filter (where response >= interval '30 minutes' and response < interval '1 hour'),
               count(*) filter (where response >= interval '1 hour' and response < interval '2 hours'),
               count(*) filter (where response >= interval '2 hours' and response < interval '4 hours'),
               count(*) filter (where response >= interval '4 hours' and response < interval '8 hours'),
               count(*) filter (where response >= interval '8 hours' and response < interval '1 day'),
               count(*) filter (where response >= interval '1 day' and response < interval '2 days'),
               count(*) filter (where response >= interval '2 days' and response < interval '7 days'),
               count(*) filter (where response >= interval '7 days')]::int[] as bands
      from timed group by 1, 2 order by 1, 2`),
  );
}

async function storedLeadResponse(db: Database) {
  return rowsOf<Record<string, number | string | number[]>>(
    await db.execute(sql`
      select owner_id, day::text as day, leads, responded, response_us::text as response_us,
             array[response_0_5m, response_5m_15m, response_15m_30m, response_30m_1h, response_1h_2h, response_2h_4h,
                   response_4h_8h, response_8h_1d, response_1d_2d, response_2d_7d, response_7d_plus] as bands
      from lead_response_daily order by 1, 2`),
  );
}

async function expectBothCurrent(db: Database, step: string) {
  const [stored, fresh] = [await storedActivityDaily(db), await recomputedActivityDaily(db)];
  expect({ step, rows: stored.length }).toEqual({ step, rows: fresh.length });
  expect(stored, step).toEqual(fresh);
  expect(await storedLeadResponse(db), step).toEqual(await recomputedLeadResponse(db));
}

describe.each(DRIVERS)('activity summaries equal a recompute after every kind of write, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  const db = () => database().db;
  let manager: SessionUser;
  let teammate: SessionUser;
  let head: SessionUser;

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: SEEDED_AT });
    const [row] = rowsOf<{ head: number; a: number; b: number }>(
      await db().execute(sql`
        select t.head_id as head, min(u.id) as a, max(u.id) as b from teams t join users u on u.team_id = t.id and u.role = 'manager' and u.is_active
        where t.head_id is not null group by t.id order by t.id limit 1`),
    );
    const user = async (id: number) => (await loadActiveUser(db(), id))!;
    [manager, teammate, head] = [await user(row!.a), await user(row!.b), await user(row!.head)];
  });

  it('are filled by the seed', async () => {
    const stored = await storedActivityDaily(db());
    expect(stored.length).toBeGreaterThan(100);
    expect((await storedLeadResponse(db())).length).toBeGreaterThan(100);
    await expectBothCurrent(db(), 'seed');
  });

  it('follow the activity services: log, plan, complete (late), reschedule, reassign', () =>
    inRollback(db(), async (tx) => {
      const ctx = { db: tx, actor: manager };
      const [deal] = rowsOf<{ id: number }>(await tx.execute(sql`select id from deals where owner_id = ${manager.id} and status = 'open' order by id limit 1`));
      const [lead] = rowsOf<{ id: number }>(
        await tx.execute(sql`select id from leads where owner_id = ${manager.id} and status in ('new', 'in_progress') and first_activity_at is null order by id limit 1`),
      );
      const link = { dealId: deal!.id };
      await logActivity(ctx, { kind: 'call', subject: 'Incoming', direction: 'in', durationSec: 420, doneAt: new Date('2026-11-20T20:59:59Z'), link });
      await logActivity(ctx, { kind: 'call', subject: 'Outgoing, no direction', durationSec: 60, link });
      await logActivity(ctx, { kind: 'email', subject: 'Offer sent', direction: 'out', link });
      await logActivity(ctx, { kind: 'meeting', subject: 'Demo', doneAt: new Date('2026-11-20T21:00:00Z'), link });
      await logActivity(ctx, { kind: 'note', subject: 'A note counts nowhere', link });
      // The lead's first touch moves lead_response_daily through leads.first_activity_at.
      await logActivity(ctx, { kind: 'call', subject: 'First call to the lead', direction: 'out', durationSec: 30, link: { leadId: lead!.id } });
      await expectBothCurrent(tx, 'logged');

      const overdue = await createTask(ctx, { subject: 'Overdue task', dueAt: new Date('2026-11-18T07:00:00Z'), link });
      const plannedCall = await createTask(ctx, { kind: 'call', subject: 'Call back', dueAt: new Date('2026-11-25T07:00:00Z'), link });
      const meeting = await createTask(ctx, { kind: 'meeting', subject: 'Visit', dueAt: new Date('2026-11-26T07:00:00Z'), link });
      await expectBothCurrent(tx, 'planned');

      await completeTask(ctx, { id: overdue.id, version: overdue.version, result: 'Done late' });
      await rescheduleTask(ctx, { id: plannedCall.id, version: plannedCall.version, dueAt: new Date('2026-11-27T07:00:00Z') });
      await reassignTask({ db: tx, actor: head }, { id: meeting.id, version: meeting.version, ownerId: teammate.id });
      await completeTask({ db: tx, actor: teammate }, { id: meeting.id, version: meeting.version + 1 });
      await expectBothCurrent(tx, 'completed, rescheduled, reassigned');
    }));

  it('follow lead intake and distribution (lead, owner, first task), merges and their undo, automations', () =>
    inRollback(db(), async (tx) => {
      const [team] = rowsOf<{ id: number }>(await tx.execute(sql`select team_id as id from users where id = ${manager.id}`));
      const first = await intakeLead(tx, { apiKeyId: null, teamId: team!.id }, { name: 'Intake one', phone: '+7 912 000-11-22' }, SEEDED_AT);
      const second = await intakeLead(tx, { apiKeyId: null, teamId: team!.id }, { name: 'Intake two', phone: '+7 912 000-11-22' }, SEEDED_AT);
      expect(first.ownerId).not.toBeNull();
      await expectBothCurrent(tx, 'intake');

      const owner = (await loadActiveUser(tx, first.ownerId!))!;
      await logActivity({ db: tx, actor: owner }, { kind: 'call', subject: 'Reached', direction: 'out', link: { leadId: first.id } });
      const versions = rowsOf<{ id: number; version: number }>(await tx.execute(sql`select id, version from leads where id in (${first.id}, ${second.id}) order by id`));
      const admin = (await loadActiveUser(tx, rowsOf<{ id: number }>(await tx.execute(sql`select id from users where role = 'admin' order by id limit 1`))[0]!.id))!;
      const merged = await mergeRecords({ db: tx, actor: admin }, { entity: 'lead', survivorId: second.id, records: versions });
      await expectBothCurrent(tx, 'merged');
      await undoMerge({ db: tx, actor: admin }, { mergeId: merged.mergeId });
      await expectBothCurrent(tx, 'merge undone');

      const report = await runAutomations(tx, new Date('2026-11-23T09:00:00Z'));
      expect(report.ran).toBe(true);
      await expectBothCurrent(tx, 'automations');
    }));

  it('follow plain SQL: multi-row updates of every summarised column, deletes, a cascade, a truncate', () =>
    inRollback(db(), async (tx) => {
      await tx.execute(sql`update activities set owner_id = ${teammate.id} where id in (select id from activities where owner_id = ${manager.id} order by id limit 25)`);
      await tx.execute(sql`update activities set done_at = done_at + interval '13 hours' where id in (select id from activities where done_at is not null order by id desc limit 40)`);
      await tx.execute(sql`update activities set due_at = due_at - interval '2 days', done_at = null where id in (select id from activities where kind = 'task' and done_at is not null order by id limit 30)`);
      await tx.execute(sql`update activities set direction = case direction when 'in' then 'out' else 'in' end, duration_sec = coalesce(duration_sec, 0) + 7 where id in (select id from activities where kind = 'call' order by id limit 30)`);
      await tx.execute(sql`update activities set kind = 'email', duration_sec = null where id in (select id from activities where kind = 'call' and due_at is null order by id desc limit 10)`);
      // Columns the summary does not read: nothing to do.
      await tx.execute(sql`update activities set subject = subject || '.' where id in (select id from activities order by id limit 100)`);
      await expectBothCurrent(tx, 'updated');

      await tx.execute(sql`delete from activities where id in (select id from activities where done_at is not null order by id limit 50)`);
      // Raw SQL skips the services' bookkeeping, so it does the leads' part itself (one multi-row
      // update): lead_response_daily follows leads.first_activity_at.
      await tx.execute(sql`update leads l set first_activity_at = f.first from (
        select l2.id, (select min(a.done_at) from activities a where a.lead_id = l2.id) as first from leads l2) f
        where f.id = l.id and l.first_activity_at is distinct from f.first`);
      await tx.execute(sql`delete from leads where id in (select l.id from leads l where l.owner_id is not null and l.converted_deal_id is null
        and not exists (select 1 from deals d where d.lead_id = l.id) and not exists (select 1 from leads x where x.duplicate_of_lead_id = l.id)
        order by l.id limit 5)`);
      await tx.execute(sql`update leads set owner_id = ${teammate.id} where id in (select id from leads where owner_id = ${manager.id} order by id limit 10)`);
      await tx.execute(sql`update leads set created_at = created_at - interval '1 day' where id in (select id from leads order by id desc limit 10)`);
      await expectBothCurrent(tx, 'deleted and moved');

      await tx.execute(sql`truncate activities`);
      expect(await storedActivityDaily(tx)).toEqual([]);
      expect(await recomputedActivityDaily(tx)).toEqual([]);
    }));

  it('rebuild on a change of the organisation time zone', () =>
    inRollback(db(), async (tx) => {
      const before = await storedActivityDaily(tx);
      await tx.execute(sql`update organisation set time_zone = 'Asia/Vladivostok' where id = 1`);
      const after = await storedActivityDaily(tx);
      expect(after).not.toEqual(before);
      await expectBothCurrent(tx, 'time zone changed');
    }));

  it('are repaired by the rebuild, which counts the rows that differed', () =>
    inRollback(db(), async (tx) => {
      expect(await activityDaily.rebuild(tx)).toBe(0);
      expect(await leadResponseDaily.rebuild(tx)).toBe(0);
      await tx.execute(sql`update activity_daily set calls = calls + 1 where (owner_id, day) = (select owner_id, day from activity_daily order by 1, 2 limit 1)`);
      await tx.execute(sql`delete from activity_daily where (owner_id, day) = (select owner_id, day from activity_daily order by 1 desc, 2 desc limit 1)`);
      await tx.execute(sql`insert into activity_daily (owner_id, day, emails) values (${manager.id}, '1999-01-01', 3)`);
      await tx.execute(sql`update lead_response_daily set leads = leads + 2 where (owner_id, day) = (select owner_id, day from lead_response_daily order by 1, 2 limit 1)`);
      expect(await activityDaily.rebuild(tx)).toBe(3);
      expect(await leadResponseDaily.rebuild(tx)).toBe(1);
      await expectBothCurrent(tx, 'repaired');
      expect(await activityDaily.rebuild(tx)).toBe(0);
    }));
});
