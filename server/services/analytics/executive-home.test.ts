import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { createCallerFactory } from '@/server/trpc/init';
import { analyticsHomeRouter } from '@/server/routers/analytics-home';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { getHygieneBoard } from '../today/hygiene-board';
import { executiveHome, MOVERS } from './executive-home';
import { homeClock } from './home-clock';
import { pipelineSnapshot } from './pipeline-snapshot';

/** The demo organisation as of this moment: 22 November 2026, 12:30 in Moscow (UTC+3 all year). */
const SEEDED_AT = new Date('2026-11-22T09:30:00Z');
const msk = (local: string) => `${local.length === 10 ? `${local}T00:00:00` : local}+03:00`;
/** 21 days and 12.5 hours of November's 30 days have passed. */
const ELAPSED = (21 * 24 + 12.5) / (30 * 24);
const cents = (amount: string) => Math.round(Number(amount) * 100);

describe('the home calendar', () => {
  const database = useFreshDatabase('pglite');
  const clock = (iso: string) => homeClock({ db: database().db, actor: null as never }, new Date(iso));

  it('compares this month so far with the same days of the previous month and of last year, cut at their ends', async () => {
    const november = await clock('2026-11-22T09:30:00Z');
    expect(november.month).toEqual({ from: '2026-11-01', to: '2026-12-01', fromAt: '2026-10-31T21:00:00.000000Z', toAt: '2026-11-30T21:00:00.000000Z' });
    expect(november.previous).toMatchObject({ from: '2026-10-01', to: '2026-11-01', sameDaysAt: '2026-10-22T09:30:00.000000Z' });
    expect(november.lastYear).toMatchObject({ from: '2025-11-01', to: '2025-12-01', sameDaysAt: '2025-11-22T09:30:00.000000Z' });
    expect(november.elapsed).toBeCloseTo(ELAPSED, 12);
    // 31 March: February is shorter, so its "same days" are all of it.
    const march = await clock('2027-03-31T09:00:00Z');
    expect(march.previous).toMatchObject({ from: '2027-02-01', to: '2027-03-01', sameDaysAt: '2027-02-28T21:00:00.000000Z' });
    // The first instant of a month: nothing has passed yet.
    const december = await clock('2026-11-30T21:00:00Z');
    expect(december.month.from).toBe('2026-12-01');
    expect(december.elapsed).toBe(0);
  });
});

describe.each(DRIVERS)('the executive home equals direct SQL on the demo organisation, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  const db = () => database().db;
  let executive: SessionUser;
  let admin: SessionUser;
  let head: SessionUser;
  let manager: SessionUser;
  const now = SEEDED_AT;

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: SEEDED_AT });
    const pick = async (role: string) => {
      const [row] = rowsOf<{ id: number }>(await db().execute(sql`select id from users where role = ${role} and is_active order by id limit 1`));
      return (await loadActiveUser(db(), row!.id))!;
    };
    [executive, admin, head, manager] = await Promise.all([pick('executive'), pick('admin'), pick('head'), pick('manager')]);
  });

  const all = sql`true`;
  const teamOf = (teamId: number) => sql`owner_id in (select id from users where team_id = ${teamId})`;

  /** Won amount and won / lost counts of deals closed in [from, to), written plainly. */
  async function closed(tx: Database, from: string, to: string, where: SQL) {
    const [row] = rowsOf<{ amount: string; won: number; lost: number }>(
      await tx.execute(sql`
        select coalesce(sum(amount) filter (where status = 'won'), 0)::numeric(16,2)::text as amount,
               count(*) filter (where status = 'won')::int as won, count(*) filter (where status = 'lost')::int as lost
        from deals where closed_at >= ${from}::timestamptz and closed_at < ${to}::timestamptz and ${where}`),
    );
    return row!;
  }

  /**
   * The month's revenue target, from the rule (not the service's query): each team's own target,
   * or its members' sum when it has none; plus users in no team (org-wide only).
   */
  async function target(tx: Database, teamId: number | null): Promise<string | null> {
    const teams = rowsOf<{ id: number; own: string | null; members: string | null }>(
      await tx.execute(sql`
        select t.id,
               (select value::text from targets where team_id = t.id and metric = 'revenue' and month = '2026-11-01') as own,
               (select sum(tg.value)::text from targets tg join users u on u.id = tg.user_id where u.team_id = t.id and tg.metric = 'revenue' and tg.month = '2026-11-01') as members
        from teams t where ${teamId === null ? sql`true` : sql`t.id = ${teamId}`}`),
    );
    const [teamless] = rowsOf<{ value: string | null }>(
      await tx.execute(sql`select sum(tg.value)::text as value from targets tg join users u on u.id = tg.user_id where u.team_id is null and tg.metric = 'revenue' and tg.month = '2026-11-01'`),
    );
    const parts = [...teams.map((t) => t.own ?? t.members), teamId === null ? teamless!.value : null].filter((v): v is string => v !== null);
    return parts.length === 0 ? null : (parts.reduce((sum, v) => sum + cents(v), 0) / 100).toFixed(2);
  }

  /** Every tile against the direct queries, for a scope (`where` on deals) and a team (null: all). */
  async function expectHome(tx: Database, actor: SessionUser, teamId: number | null, where: SQL, input: { teamId?: number } = {}) {
    const home = await executiveHome({ db: tx, actor }, input, { now });
    expect(home.teamId).toBe(teamId);
    expect(home.month).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(home.elapsed).toBeCloseTo(ELAPSED, 12);

    // Revenue this month, against the target (pacing by the clock) and against last year's month.
    const month = await closed(tx, msk('2026-11-01'), msk('2026-12-01'), where);
    const lastYear = await closed(tx, msk('2025-11-01'), msk('2025-12-01'), where);
    const lastYearSameDays = await closed(tx, msk('2025-11-01'), msk('2025-11-22T12:30:00'), where);
    const goal = await target(tx, teamId);
    expect(home.revenue.won).toBe(month.amount);
    expect(home.revenue.target).toBe(goal);
    expect(home.revenue.lastYear).toEqual({ from: '2025-11-01', to: '2025-12-01', whole: lastYear.amount, sameDays: lastYearSameDays.amount });
    expect(cents(home.revenue.projected!)).toBe(Math.round((Number(month.amount) / ELAPSED) * 100));
    if (goal !== null) {
      expect(cents(home.revenue.expectedByNow!)).toBe(Math.round(Number(goal) * ELAPSED * 100));
      expect(home.revenue.pace).toBeCloseTo(Number(month.amount) / (Number(goal) * ELAPSED), 6);
    }
    // Forecast: won + open deals due this month × their stage's probability. Working days on the
    // production calendar: November 2026 has 20 (Nov 4 is a holiday), 14 of them before Sunday the 22nd.
    const [due] = rowsOf<{ weighted: string }>(
      await tx.execute(sql`
        select coalesce(sum(d.amount * s.probability / 100), 0)::numeric(16,2)::text as weighted from deals d join stages s on s.id = d.stage_id
        where d.status = 'open' and d.expected_close_date between '2026-11-01' and '2026-11-30' and ${where}`),
    );
    expect(cents(home.revenue.forecast)).toBe(cents(month.amount) + cents(due!.weighted));
    expect(home.revenue.workingDays).toEqual({ total: 20, passed: 14, left: 6 });

    // Win rate this month vs the whole of last month.
    const october = await closed(tx, msk('2026-10-01'), msk('2026-11-01'), where);
    expect(home.winRate.current).toEqual({ won: month.won, lost: month.lost, rate: month.won + month.lost === 0 ? null : month.won / (month.won + month.lost) });
    expect(home.winRate.previous).toEqual({
      from: '2026-10-01',
      to: '2026-11-01',
      won: october.won,
      lost: october.lost,
      rate: october.won + october.lost === 0 ? null : october.won / (october.won + october.lost),
    });

    // Open pipeline: amount, and weighted per stage (rounded per stage, as the snapshot does).
    const stages = rowsOf<{ pipeline_id: number; deals: number; amount: string; weighted: string }>(
      await tx.execute(sql`
        select s.pipeline_id, count(*)::int as deals, sum(d.amount)::text as amount, round(sum(d.amount) * s.probability / 100, 2)::text as weighted
        from deals d join stages s on s.id = d.stage_id where d.status = 'open' and ${where} group by s.pipeline_id, s.id`),
    );
    const sum = (rows: typeof stages, pick: (r: (typeof stages)[number]) => string) => (rows.reduce((total, r) => total + cents(pick(r)), 0) / 100).toFixed(2);
    expect({ deals: home.pipeline.deals, amount: home.pipeline.amount, weighted: home.pipeline.weighted }).toEqual({
      deals: stages.reduce((n, r) => n + r.deals, 0),
      amount: sum(stages, (r) => r.amount),
      weighted: sum(stages, (r) => r.weighted),
    });
    const pipelineIds = [...new Set(stages.map((s) => s.pipeline_id))].sort((a, b) => a - b);
    expect(home.pipeline.byPipeline.map((p) => p.pipelineId).sort((a, b) => a - b)).toEqual(pipelineIds);
    for (const p of home.pipeline.byPipeline) {
      const own = stages.filter((s) => s.pipeline_id === p.pipelineId);
      expect({ deals: p.deals, amount: p.amount, weighted: p.weighted }).toEqual({ deals: own.reduce((n, r) => n + r.deals, 0), amount: sum(own, (r) => r.amount), weighted: sum(own, (r) => r.weighted) });
      // The snapshot report, which the line opens, shows the same totals.
      const snapshot = await pipelineSnapshot({ db: tx, actor }, { pipelineId: p.pipelineId, teamId: teamId ?? undefined }, { now });
      expect(snapshot.total).toEqual({ deals: p.deals, amount: p.amount, weightedAmount: p.weighted });
    }

    // Hygiene per team, from the rules' definitions; and as the team board (the tile's link) counts them.
    const hygiene = rowsOf<{ team_id: number; unprocessed: number; without_task: number; overdue_task: number }>(
      await tx.execute(sql`
        with first_stage as (
          select distinct on (pipeline_id) id from stages where kind = 'open' and not is_archived order by pipeline_id, sort_order
        )
        select t.id as team_id,
               count(d.id) filter (where d.last_activity_at is null and d.stage_id in (select id from first_stage))::int as unprocessed,
               count(d.id) filter (where d.open_task_count = 0)::int as without_task,
               count(d.id) filter (where d.next_task_due_at < ${now.toISOString()}::timestamptz)::int as overdue_task
        from teams t
        left join users u on u.team_id = t.id and u.is_active and u.role in ('manager', 'head')
        left join deals d on d.owner_id = u.id and d.status = 'open'
        where ${teamId === null ? sql`true` : sql`t.id = ${teamId}`}
        group by t.id order by t.id`),
    );
    expect(home.hygiene.map((h) => [h.teamId, h.unprocessed, h.withoutTask, h.overdueTask]).sort((a, b) => a[0]! - b[0]!)).toEqual(
      hygiene.map((h) => [h.team_id, h.unprocessed, h.without_task, h.overdue_task]),
    );
    expect(hygiene.some((h) => h.unprocessed > 0 && h.without_task > 0 && h.overdue_task > 0)).toBe(true);
    for (const team of home.hygiene) {
      const board = await getHygieneBoard({ db: tx, actor }, { teamId: team.teamId }, { now });
      expect(board.totals).toEqual({ unprocessed: team.unprocessed, withoutTask: team.withoutTask, overdueTask: team.overdueTask });
    }

    // Movers: active managers, this month so far against October's first 21.5 days, largest change first.
    const movers = rowsOf<{ id: number; name: string; current: string; previous: string }>(
      await tx.execute(sql`
        select u.id, u.name,
               coalesce((select sum(amount) from deals where owner_id = u.id and status = 'won' and closed_at >= ${msk('2026-11-01')}::timestamptz and closed_at < ${msk('2026-12-01')}::timestamptz), 0)::numeric(16,2)::text as current,
               coalesce((select sum(amount) from deals where owner_id = u.id and status = 'won' and closed_at >= ${msk('2026-10-01')}::timestamptz and closed_at < ${msk('2026-10-22T12:30:00')}::timestamptz), 0)::numeric(16,2)::text as previous
        from users u where u.is_active and u.id in (select owner_id from deals where ${where})`),
    )
      .map((m) => ({ ...m, change: cents(m.current) - cents(m.previous) }))
      .filter((m) => m.change !== 0)
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
    expect(movers.length).toBeGreaterThan(0);
    expect(home.movers).toEqual(
      movers.slice(0, MOVERS).map((m) => ({ ownerId: m.id, name: m.name, current: m.current, previous: m.previous, change: (m.change / 100).toFixed(2) })),
    );
    return home;
  }

  it('shows the whole organisation to an executive and an admin, every tile as direct SQL has it', async () => {
    const home = await expectHome(db(), executive, null, all);
    expect(home.revenue.target).not.toBeNull();
    expect(home.hygiene.length).toBeGreaterThan(1);
    await expectHome(db(), admin, null, all);
  });

  it('shows a head the own team only, and an executive the team asked for', async () => {
    const home = await expectHome(db(), head, head.teamId, teamOf(head.teamId!));
    expect(home.hygiene.map((h) => h.teamId)).toEqual([head.teamId]);
    const members = new Set(rowsOf<{ id: number }>(await db().execute(sql`select id from users where team_id = ${head.teamId}`)).map((r) => r.id));
    expect(home.movers.every((m) => members.has(m.ownerId))).toBe(true);
    const org = await executiveHome({ db: db(), actor: executive }, {}, { now });
    expect(cents(home.revenue.won)).toBeLessThan(cents(org.revenue.won));
    await expectHome(db(), executive, head.teamId, teamOf(head.teamId!), { teamId: head.teamId! });
  });

  it('adds team and user targets without counting anything twice', async () => {
    await inRollback(db(), async (tx) => {
      const [team] = rowsOf<{ id: number; value: string }>(await tx.execute(sql`select team_id as id, value::text from targets where team_id is not null and metric = 'revenue' and month = '2026-11-01' order by team_id limit 1`));
      const home = await executiveHome({ db: tx, actor: executive }, {}, { now });
      // A team with its own target: a member's target changing does not move the total.
      await tx.execute(sql`update targets set value = value + 1000000 where metric = 'revenue' and month = '2026-11-01' and user_id in (select id from users where team_id = ${team!.id})`);
      expect((await executiveHome({ db: tx, actor: executive }, {}, { now })).revenue.target).toBe(home.revenue.target);
      // Without its own target, the team counts its members' targets.
      await tx.execute(sql`delete from targets where team_id = ${team!.id} and metric = 'revenue' and month = '2026-11-01'`);
      const [members] = rowsOf<{ sum: string }>(await tx.execute(sql`select sum(value)::text as sum from targets where metric = 'revenue' and month = '2026-11-01' and user_id in (select id from users where team_id = ${team!.id})`));
      const withoutTeamTarget = await executiveHome({ db: tx, actor: executive }, {}, { now });
      expect(cents(withoutTeamTarget.revenue.target!)).toBe(cents(home.revenue.target!) - cents(team!.value) + cents(members!.sum));
      // A user in no team counts on their own, org-wide only.
      await tx.execute(sql`insert into targets (user_id, month, metric, value) values (${admin.id}, '2026-11-01', 'revenue', 123.45)`);
      expect(cents((await executiveHome({ db: tx, actor: executive }, {}, { now })).revenue.target!)).toBe(cents(withoutTeamTarget.revenue.target!) + 12345);
      await expectHome(tx, executive, null, all);
      const ownTeam = await executiveHome({ db: tx, actor: executive }, { teamId: team!.id }, { now });
      expect(ownTeam.revenue.target).toBe(members!.sum);
      // No targets at all: no target, no pace.
      await tx.execute(sql`delete from targets where metric = 'revenue' and month = '2026-11-01'`);
      expect((await executiveHome({ db: tx, actor: executive }, {}, { now })).revenue).toMatchObject({ target: null, expectedByNow: null, pace: null });
    });
  });

  it('counts a deal won at the first instant of the month in it, one a moment earlier in the month before', async () => {
    await inRollback(db(), async (tx) => {
      const before = await executiveHome({ db: tx, actor: executive }, {}, { now });
      const [stage] = rowsOf<{ id: number; pipeline_id: number }>(await tx.execute(sql`select id, pipeline_id from stages where kind = 'won' order by id limit 1`));
      const deal = (closedAt: string, amount: string) =>
        tx.execute(sql`insert into deals (title, pipeline_id, stage_id, status, amount, owner_id, closed_at, created_at, updated_at, stage_entered_at)
          values ('fixture', ${stage!.pipeline_id}, ${stage!.id}, 'won', ${amount}, ${manager.id}, ${closedAt}::timestamptz, '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z', ${closedAt}::timestamptz)`);
      await deal(msk('2026-11-01'), '1000.00');
      await deal('2026-10-31T20:59:59.999Z', '2000.00');
      await deal(msk('2026-12-01'), '4000.00'); // next month: nowhere
      const after = await expectHome(tx, executive, null, all);
      expect(cents(after.revenue.won) - cents(before.revenue.won)).toBe(100000);
      expect(after.winRate.current.won - before.winRate.current.won).toBe(1);
      expect(after.winRate.previous.won - before.winRate.previous.won).toBe(1);
      // Late October is not among October's first 21.5 days: the mover comparison ignores it.
      const moverOf = (home: typeof after) => home.movers.find((m) => m.ownerId === manager.id);
      if (moverOf(before) && moverOf(after)) expect(cents(moverOf(after)!.previous)).toBe(cents(moverOf(before)!.previous));
    });
  });

  it('refuses a manager and a head asking for another team; the router too', async () => {
    await expect(executiveHome({ db: db(), actor: manager }, {}, { now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(executiveHome({ db: db(), actor: head }, { teamId: head.teamId! + 1 }, { now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const caller = (user: SessionUser) => createCallerFactory(analyticsHomeRouter)({ db: db(), user });
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: unknown) => (error instanceof TRPCError ? error.code : Promise.reject(error)));
    for (const user of [head, executive, admin]) expect(await codeOf(caller(user).home({}))).toBe('OK');
    expect(await codeOf(caller(manager).home({}))).toBe('FORBIDDEN');
    expect(await codeOf(caller(head).home({ teamId: head.teamId! + 1 }))).toBe('FORBIDDEN');
    expect(await codeOf(caller(executive).home({ teamId: -1 } as never))).toBe('BAD_REQUEST');
  });
});
