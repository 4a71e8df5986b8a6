import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { analyticsActivityRouter } from '@/server/routers/analytics-activity';
import { createCallerFactory } from '@/server/trpc/init';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { activityReport, medianBand, type ActivityFigures, type LeadResponse } from './activity-report';

/** The demo organisation as of this moment (Europe/Moscow, UTC+3 all year, no daylight saving). */
const SEEDED_AT = new Date('2026-11-22T09:30:00Z');
const now = SEEDED_AT;
/** Midnight of a Moscow date as an instant, written by hand. */
const msk = (date: string) => `${date}T00:00:00+03:00`;
/** A Moscow calendar date of a column, as text. */
const mskDay = (column: string) => sql.raw(`to_char(${column} at time zone 'Europe/Moscow', 'YYYY-MM-DD')`);
/** The Monday of the Moscow week of a column. */
const mskWeek = (column: string) => sql.raw(`to_char(date_trunc('week', ${column} at time zone 'Europe/Moscow'), 'YYYY-MM-DD')`);

type Key = number | string | null;

/**
 * The expected figures, written from the definitions over the activities, leads and targets
 * themselves (never the summary tables the report reads).
 */
function expectations(db: () => Database) {
  /** Done activities in [from, to), by a key over the done moment. */
  async function done(from: string, to: string, key: SQL, where: SQL = sql`true`) {
    return rowsOf<{ key: Key; calls: number; calls_in: number; calls_out: number; talk: number; meetings: number; emails: number; tasks: number }>(
      await db().execute(sql`
        select ${key} as key,
               sum(case when kind = 'call' then 1 else 0 end)::int as calls,
               sum(case when kind = 'call' and direction = 'in' then 1 else 0 end)::int as calls_in,
               sum(case when kind = 'call' and direction = 'out' then 1 else 0 end)::int as calls_out,
               coalesce(sum(case when kind = 'call' then duration_sec end), 0)::int as talk,
               sum(case when kind = 'meeting' then 1 else 0 end)::int as meetings,
               sum(case when kind = 'email' then 1 else 0 end)::int as emails,
               sum(case when kind = 'task' then 1 else 0 end)::int as tasks
        from activities
        where done_at >= ${msk(from)}::timestamptz and done_at < ${msk(to)}::timestamptz and ${where}
        group by 1`),
    );
  }
  /** Planned activities due in [from, to), by a key over the due moment; overdue as of `at`. */
  async function planned(from: string, to: string, key: SQL, at: Date, where: SQL = sql`true`) {
    return rowsOf<{ key: Key; planned: number; overdue: number }>(
      await db().execute(sql`
        select ${key} as key, count(*)::int as planned,
               sum(case when done_at > due_at or (done_at is null and due_at < ${at.toISOString()}::timestamptz) then 1 else 0 end)::int as overdue
        from activities
        where due_at >= ${msk(from)}::timestamptz and due_at < ${msk(to)}::timestamptz and ${where}
        group by 1`),
    );
  }
  /** Open planned activities past their due moment at `at`, per owner. */
  async function overdueNow(at: Date, where: SQL = sql`true`) {
    return rowsOf<{ key: number; n: number }>(
      await db().execute(sql`select owner_id as key, count(*)::int as n from activities
        where done_at is null and due_at < ${at.toISOString()}::timestamptz and ${where} group by 1`),
    );
  }
  /** Leads created in [from, to) with an owner: first response from their activities' first done_at. */
  async function response(from: string, to: string, key: SQL, where: SQL = sql`true`) {
    return rowsOf<{ key: Key; leads: number; responded: number; avg: number | null; median: number | null }>(
      await db().execute(sql`
        with l as (
          select l.*, extract(epoch from (select min(a.done_at) from activities a where a.lead_id = l.id) - l.created_at) as seconds
          from leads l
          where l.owner_id is not null and l.created_at >= ${msk(from)}::timestamptz and l.created_at < ${msk(to)}::timestamptz and ${where}
        )
        select ${key} as key, count(*)::int as leads, count(seconds)::int as responded, avg(seconds)::float8 as avg,
               (percentile_disc(0.5) within group (order by seconds))::float8 as median
        from l group by 1`),
    );
  }
  /** Targets pro rata: each day of the period carries 1 / (days of its month) of that month's target. */
  async function targets(from: string, to: string, where: SQL = sql`true`) {
    return rowsOf<{ key: number; calls: number | null; meetings: number | null }>(
      await db().execute(sql`
        select t.user_id as key,
               sum(case when t.metric = 'calls' then t.value / extract(day from (t.month + interval '1 month' - interval '1 day')) end)::float8 as calls,
               sum(case when t.metric = 'meetings' then t.value / extract(day from (t.month + interval '1 month' - interval '1 day')) end)::float8 as meetings
        from generate_series(${from}::date, ${to}::date - 1, interval '1 day') d
        join targets t on t.month = date_trunc('month', d)::date and t.user_id is not null and t.metric in ('calls', 'meetings')
        where ${where}
        group by 1`),
    );
  }
  return { done, planned, overdueNow, response, targets };
}

/** The band (see lib/analytics/response-bands.ts) a number of seconds falls in, written out. */
function bandOf(seconds: number): number {
  const edges = [5 * 60, 15 * 60, 30 * 60, 3600, 2 * 3600, 4 * 3600, 8 * 3600, 86400, 2 * 86400, 7 * 86400];
  const index = edges.findIndex((edge) => seconds < edge);
  return index === -1 ? edges.length : index;
}

type DoneRow = Awaited<ReturnType<ReturnType<typeof expectations>['done']>>[number];
type PlannedRow = Awaited<ReturnType<ReturnType<typeof expectations>['planned']>>[number];

function expectedFigures(d: DoneRow | undefined, p: PlannedRow | undefined): ActivityFigures {
  return {
    calls: d?.calls ?? 0,
    callsIn: d?.calls_in ?? 0,
    callsOut: d?.calls_out ?? 0,
    talkSeconds: d?.talk ?? 0,
    meetings: d?.meetings ?? 0,
    emails: d?.emails ?? 0,
    tasksDone: d?.tasks ?? 0,
    planned: p?.planned ?? 0,
    overdue: p?.overdue ?? 0,
  };
}

const pick = ({ calls, callsIn, callsOut, talkSeconds, meetings, emails, tasksDone, planned, overdue }: ActivityFigures): ActivityFigures =>
  ({ calls, callsIn, callsOut, talkSeconds, meetings, emails, tasksDone, planned, overdue });

function expectResponse(actual: LeadResponse, expected: { leads: number; responded: number; avg: number | null; median: number | null } | undefined) {
  expect({ leads: actual.leads, responded: actual.responded, waiting: actual.waiting, medianBand: actual.medianBand }).toEqual({
    leads: expected?.leads ?? 0,
    responded: expected?.responded ?? 0,
    waiting: (expected?.leads ?? 0) - (expected?.responded ?? 0),
    medianBand: expected?.median === null || expected?.median === undefined ? null : bandOf(expected.median),
  });
  if (expected?.avg === null || expected?.avg === undefined) expect(actual.averageSeconds).toBeNull();
  else expect(actual.averageSeconds).toBeCloseTo(expected.avg, 3);
}

const byKey = <T extends { key: Key }>(rows: T[]) => new Map(rows.map((r) => [r.key, r]));

describe('the median band', () => {
  it('is the band of the ⌈n/2⌉-th fastest response', () => {
    expect(medianBand([0, 0, 0])).toBeNull();
    expect(medianBand([1, 0, 0])).toBe(0);
    expect(medianBand([1, 1, 0])).toBe(0);
    expect(medianBand([1, 1, 1])).toBe(1);
    expect(medianBand([0, 2, 3])).toBe(2);
  });
});

describe.each(DRIVERS)('activity per manager equals direct SQL on the demo organisation, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  const db = () => database().db;
  const expected = expectations(db);
  let executive: SessionUser;
  let admin: SessionUser;
  let head: SessionUser;
  let manager: SessionUser;

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: SEEDED_AT });
    const first = async (role: string) => {
      const [row] = rowsOf<{ id: number }>(await db().execute(sql`select id from users where role = ${role} and is_active and (${role} <> 'head' or team_id is not null) order by id limit 1`));
      return (await loadActiveUser(db(), row!.id))!;
    };
    [executive, admin, head, manager] = [await first('executive'), await first('admin'), await first('head'), await first('manager')];
  });

  const teamOf = (user: SessionUser, column = 'owner_id') => sql`${sql.raw(column)} in (select id from users where team_id = ${user.teamId})`;

  for (const [label, filters, from, to] of [
    ['this month (today inside, days after it)', { period: 'thisMonth' }, '2026-11-01', '2026-12-01'],
    ['last month', { period: 'lastMonth' }, '2026-10-01', '2026-11-01'],
    ['a year', { period: 'year' }, '2026-01-01', '2027-01-01'],
    ['days across two months, from a Wednesday', { period: 'custom', from: '2026-10-07', to: '2026-11-04' }, '2026-10-07', '2026-11-04'],
  ] as const) {
    it(`totals, managers, days, weeks, first response and targets over ${label}`, async () => {
      const report = await activityReport({ db: db(), actor: executive }, filters, { now });
      expect(report.period).toMatchObject({ from, to });
      expect(report.today).toBe('2026-11-22');

      const [doneTotal] = await expected.done(from, to, sql`null::int`);
      const [plannedTotal] = await expected.planned(from, to, sql`null::int`, now);
      expect(pick(report.totals)).toEqual(expectedFigures(doneTotal, plannedTotal));
      expect(report.totals.calls).toBeGreaterThan(0);
      expect(report.totals.planned).toBeGreaterThan(0);

      const [prevDone] = await expected.done(report.period.previous.from, report.period.previous.to, sql`null::int`);
      const [prevPlanned] = await expected.planned(report.period.previous.from, report.period.previous.to, sql`null::int`, now);
      expect(pick(report.previous)).toEqual(expectedFigures(prevDone, prevPlanned));

      // Managers: every active manager, and anyone else with a figure.
      const done = byKey(await expected.done(from, to, sql`owner_id`));
      const planned = byKey(await expected.planned(from, to, sql`owner_id`, now));
      const overdue = byKey(await expected.overdueNow(now));
      const responses = byKey(await expected.response(from, to, sql`owner_id`));
      const targets = byKey(await expected.targets(from, to));
      const activeManagers = rowsOf<{ id: number }>(await db().execute(sql`select id from users where role = 'manager' and is_active`)).map((r) => r.id);
      // A note counts nowhere: someone with only notes is not listed for them.
      const withDone = [...done.values()].filter((r) => r.calls + r.meetings + r.emails + r.tasks > 0).map((r) => r.key);
      expect(new Set(report.managers.map((m) => m.ownerId))).toEqual(new Set([...activeManagers, ...withDone, ...planned.keys(), ...overdue.keys(), ...responses.keys()]));
      for (const m of report.managers) {
        expect({ id: m.ownerId, ...pick(m) }).toEqual({ id: m.ownerId, ...expectedFigures(done.get(m.ownerId), planned.get(m.ownerId)) });
        expect({ id: m.ownerId, overdueNow: m.overdueNow }).toEqual({ id: m.ownerId, overdueNow: overdue.get(m.ownerId)?.n ?? 0 });
        expectResponse(m.response, responses.get(m.ownerId));
        const target = targets.get(m.ownerId);
        for (const [progress, value, fact] of [[m.callsTarget, target?.calls, m.calls], [m.meetingsTarget, target?.meetings, m.meetings]] as const) {
          if (value === undefined || value === null) expect(progress).toEqual({ target: null, done: null });
          else {
            expect(progress.target).toBeCloseTo(value, 2);
            expect(progress.done).toBeCloseTo(fact / progress.target!, 12);
          }
        }
      }
      expect(report.managers.some((m) => m.callsTarget.target !== null)).toBe(true);
      expect(report.totals.overdueNow).toBe([...overdue.values()].reduce((s, r) => s + r.n, 0));
      const [responseTotal] = await expected.response(from, to, sql`null::int`);
      expectResponse(report.totals.response, responseTotal);
      expect(report.responseBands.reduce((s, n) => s + n, 0)).toBe(responseTotal?.responded ?? 0);
      const targetSum = report.managers.reduce((s, m) => s + (m.callsTarget.target ?? 0), 0);
      expect(report.totals.callsTarget.target).toBeCloseTo(targetSum, 2);

      // Every day of the period, and every week it touches, cut to the period.
      const days = byKey(await expected.done(from, to, mskDay('done_at')));
      const plannedDays = byKey(await expected.planned(from, to, mskDay('due_at'), now));
      expect(report.byDay.map((d) => d.day)[0]).toBe(from);
      expect(report.byDay).toHaveLength(Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
      for (const d of report.byDay) expect({ day: d.day, ...pick(d) }).toEqual({ day: d.day, ...expectedFigures(days.get(d.day), plannedDays.get(d.day)) });
      const weeks = byKey(await expected.done(from, to, mskWeek('done_at')));
      const plannedWeeks = byKey(await expected.planned(from, to, mskWeek('due_at'), now));
      for (const w of report.byWeek) expect({ week: w.week, ...pick(w) }).toEqual({ week: w.week, ...expectedFigures(weeks.get(w.week), plannedWeeks.get(w.week)) });
      expect(report.byWeek[0]!.from).toBe(from);
      expect(report.byWeek.at(-1)!.to).toBe(to);
      expect(report.byWeek.reduce((s, w) => s + w.calls, 0)).toBe(report.totals.calls);
    });
  }

  it('gives a head only the own team, narrows to one manager, ignores pipeline and source', async () => {
    const report = await activityReport({ db: db(), actor: head }, { period: 'lastMonth', pipelineId: 1, sourceId: 1 }, { now });
    const [doneTeam] = await expected.done('2026-10-01', '2026-11-01', sql`null::int`, teamOf(head));
    const [plannedTeam] = await expected.planned('2026-10-01', '2026-11-01', sql`null::int`, now, teamOf(head));
    expect(pick(report.totals)).toEqual(expectedFigures(doneTeam, plannedTeam));
    const [all] = await expected.done('2026-10-01', '2026-11-01', sql`null::int`);
    expect(report.totals.calls).toBeLessThan(all!.calls);
    const members = new Set(rowsOf<{ id: number }>(await db().execute(sql`select id from users where team_id = ${head.teamId}`)).map((r) => r.id));
    expect(report.managers.length).toBeGreaterThan(1);
    expect(report.managers.every((m) => members.has(m.ownerId))).toBe(true);
    const [responseTeam] = await expected.response('2026-10-01', '2026-11-01', sql`null::int`, teamOf(head));
    expectResponse(report.totals.response, responseTeam);

    const one = report.managers.find((m) => m.calls > 0)!;
    const single = await activityReport({ db: db(), actor: admin }, { period: 'lastMonth', ownerId: one.ownerId }, { now });
    expect(single.managers.map((m) => m.ownerId)).toEqual([one.ownerId]);
    expect(pick(single.totals)).toEqual(pick(one));
    expect(single.totals.response).toEqual(one.response);
  });

  it('refuses a manager and a head asking for another team, over the service and the router', async () => {
    await expect(activityReport({ db: db(), actor: manager }, {}, { now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(activityReport({ db: db(), actor: head }, { teamId: head.teamId! + 1 }, { now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const caller = (user: SessionUser) => createCallerFactory(analyticsActivityRouter)({ db: db(), user });
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: unknown) => (error instanceof TRPCError ? error.code : Promise.reject(error)));
    for (const user of [head, executive, admin]) expect(await codeOf(caller(user).activity({ period: 'lastMonth' }))).toBe('OK');
    expect(await codeOf(caller(manager).activity({}))).toBe('FORBIDDEN');
    expect(await codeOf(caller(head).activity({ teamId: head.teamId! + 1 }))).toBe('FORBIDDEN');
    expect(await codeOf(caller(executive).activity({ period: 'custom', from: '2026-02-01', to: '2026-01-01' }))).toBe('BAD_REQUEST');
  });

  it('gives zeros and nulls for an empty period, still listing the active managers', async () => {
    const report = await activityReport({ db: db(), actor: executive }, { period: 'custom', from: '2030-01-01', to: '2030-01-15' }, { now });
    const zero = { calls: 0, callsIn: 0, callsOut: 0, talkSeconds: 0, meetings: 0, emails: 0, tasksDone: 0, planned: 0, overdue: 0 };
    expect(pick(report.totals)).toEqual(zero);
    expect(report.totals.response).toEqual({ leads: 0, responded: 0, waiting: 0, averageSeconds: null, medianBand: null });
    expect(report.totals.callsTarget).toEqual({ target: null, done: null });
    expect(report.byDay).toHaveLength(14);
    expect(report.byWeek.map((w) => [w.week, w.from, w.to])).toEqual([
      ['2029-12-31', '2030-01-01', '2030-01-07'],
      ['2030-01-07', '2030-01-07', '2030-01-14'],
      ['2030-01-14', '2030-01-14', '2030-01-15'],
    ]);
    expect(report.managers.length).toBeGreaterThan(0);
    expect(report.managers.every((m) => m.calls === 0 && m.response.leads === 0)).toBe(true);
  });

  describe('borders and the clock (fixture rows in March 2027, "now" on 15 March, 12:00 in Moscow)', () => {
    const MARCH_NOW = new Date('2027-03-15T09:00:00Z');
    const START = '2027-02-28T21:00:00Z';
    const END = '2027-03-31T21:00:00Z';

    async function fixture(tx: Database, owner: number) {
      const one = async <T>(query: SQL) => rowsOf<T>(await tx.execute(query))[0]!;
      const [deal] = rowsOf<{ id: number }>(await tx.execute(sql`select id from deals where owner_id = ${owner} order by id limit 1`));
      const act = (kind: string, fields: { done?: string; due?: string; direction?: string; duration?: number; lead?: number }) =>
        tx.execute(sql`insert into activities (kind, subject, owner_id, deal_id, lead_id, done_at, due_at, direction, duration_sec, created_at)
          values (${kind}, 'fixture', ${owner}, ${fields.lead ? null : deal!.id}, ${fields.lead ?? null}, ${fields.done ?? null}::timestamptz,
                  ${fields.due ?? null}::timestamptz, ${fields.direction ?? null}, ${fields.duration ?? null}, '2027-01-01T00:00:00Z')`);
      await act('call', { done: START, direction: 'in', duration: 100 }); // the first instant: in, on 1 March
      await act('call', { done: '2027-03-01T20:59:59.999Z', direction: 'out', duration: 50 }); // 23:59:59.999 on 1 March
      await act('call', { done: '2027-03-01T21:00:00Z', duration: 7 }); // 00:00 on 2 March, no direction
      await act('call', { done: END, direction: 'out', duration: 1000 }); // the end: out (April)
      await act('call', { done: '2027-02-28T20:59:59.999Z', direction: 'in', duration: 1000 }); // before the start: the previous period
      await act('meeting', { done: '2027-03-02T08:00:00Z' });
      await act('email', { done: '2027-03-02T09:00:00Z', direction: 'out' });
      await act('note', { done: '2027-03-02T10:00:00Z' }); // counts nowhere
      await act('task', { due: '2027-03-03T09:00:00Z', done: '2027-03-03T08:00:00Z' }); // done in time: planned, not overdue
      await act('task', { due: '2027-03-03T09:00:00Z', done: '2027-03-04T08:00:00Z' }); // done late: overdue on 3 March, done on 4 March
      await act('task', { due: '2027-03-10T09:00:00Z' }); // open, due before today: overdue
      await act('call', { due: '2027-03-15T08:00:00Z' }); // planned call due today, passed: overdue (live)
      await act('meeting', { due: '2027-03-15T10:00:00Z' }); // due later today: not yet
      await act('task', { due: '2027-03-20T09:00:00Z' }); // due after today: not yet
      await act('task', { due: '2027-02-20T09:00:00Z' }); // open, due in the previous period: overdue now, not in March

      const lead = async (createdAt: string) =>
        (await one<{ id: number }>(sql`insert into leads (title, owner_id, status, created_at) values ('fixture', ${owner}, 'in_progress', ${createdAt}::timestamptz) returning id`)).id;
      const fast = await lead('2027-03-02T09:00:00Z');
      const slow = await lead('2027-03-03T09:00:00Z');
      await lead('2027-03-04T09:00:00Z'); // no activity yet
      await act('call', { lead: fast, done: '2027-03-02T09:10:00Z', direction: 'out', duration: 60 }); // 10 minutes: band 1
      await act('email', { lead: slow, done: '2027-03-03T12:00:00Z', direction: 'out' }); // 3 hours: band 5
      await tx.execute(sql`update leads l set first_activity_at = (select min(done_at) from activities a where a.lead_id = l.id) where l.id in (${fast}, ${slow})`);

      await tx.execute(sql`insert into targets (user_id, month, metric, value) values (${owner}, '2027-03-01', 'calls', 310), (${owner}, '2027-03-01', 'meetings', 31)`);
    }

    it('counts the start in and the end out, by the Moscow day; overdue by the due moment and the clock', () =>
      inRollback(db(), async (tx) => {
        await fixture(tx, manager.id);
        const report = await activityReport({ db: tx, actor: executive }, { period: 'thisMonth', ownerId: manager.id }, { now: MARCH_NOW });
        expect(report.period).toMatchObject({ from: '2027-03-01', to: '2027-04-01' });
        expect(report.today).toBe('2027-03-15');
        // Calls: START, 23:59:59 and 00:00 of 2 March, and the lead's call.
        expect(pick(report.totals)).toEqual({ calls: 4, callsIn: 1, callsOut: 2, talkSeconds: 217, meetings: 1, emails: 2, tasksDone: 2, planned: 6, overdue: 3 });
        const day = (d: string) => pick(report.byDay.find((x) => x.day === d)!);
        expect(day('2027-03-01')).toMatchObject({ calls: 2, callsIn: 1, callsOut: 1, talkSeconds: 150 });
        expect(day('2027-03-02')).toMatchObject({ calls: 2, talkSeconds: 67, meetings: 1, emails: 1 });
        expect(day('2027-03-03')).toMatchObject({ tasksDone: 1, planned: 2, overdue: 1, emails: 1 });
        expect(day('2027-03-04')).toMatchObject({ tasksDone: 1, planned: 0, overdue: 0 });
        expect(day('2027-03-10')).toMatchObject({ planned: 1, overdue: 1 });
        expect(day('2027-03-15')).toMatchObject({ planned: 2, overdue: 1 });
        expect(day('2027-03-20')).toMatchObject({ planned: 1, overdue: 0 });
        expect(report.previous).toMatchObject({ calls: 1, planned: 1, overdue: 1 });
        const [row] = report.managers;
        // Open and past due now: 10 March, today's 08:00 call, 20 February.
        expect(row).toMatchObject({ ownerId: manager.id, overdueNow: expect.any(Number) as number });
        const [demoOverdue] = rowsOf<{ n: number }>(
          await tx.execute(sql`select count(*)::int as n from activities where owner_id = ${manager.id} and done_at is null and due_at < ${MARCH_NOW.toISOString()}::timestamptz`),
        );
        expect(row!.overdueNow).toBe(demoOverdue!.n);
        expect(report.totals.response).toEqual({ leads: 3, responded: 2, waiting: 1, averageSeconds: (600 + 10800) / 2, medianBand: 1 });
        expect(report.responseBands).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
        expect(row!.callsTarget).toEqual({ target: 310, done: 4 / 310 });
        expect(row!.meetingsTarget).toEqual({ target: 31, done: 1 / 31 });

        // An hour later the 10:00 meeting is overdue too.
        const later = await activityReport({ db: tx, actor: executive }, { period: 'thisMonth', ownerId: manager.id }, { now: new Date('2027-03-15T10:30:00Z') });
        expect(later.totals.overdue).toBe(4);
        expect(later.managers[0]!.overdueNow).toBe(row!.overdueNow + 1);

        // Half of March: 15 of 31 days of the targets.
        const half = await activityReport({ db: tx, actor: executive }, { period: 'custom', from: '2027-03-01', to: '2027-03-16', ownerId: manager.id }, { now: MARCH_NOW });
        expect(half.managers[0]!.callsTarget.target).toBe(150);
        expect(half.managers[0]!.meetingsTarget.target).toBe(15);
      }));
  });
});
