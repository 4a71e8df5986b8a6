import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { updateOrganisationSettings } from '../reference/organisation-settings';
import { ServiceError } from '../errors';
import { churnReport, type ChurnFigures, type ChurnReport } from './churn';
import { churnPlan } from './churn-plan';
import type { ReportFiltersInput } from './report-filters';

describe('the churn plan', () => {
  it('evaluates activity at the month starts of the trend, the period and the previous period', () => {
    const plan = churnPlan({ from: '2026-11-01', to: '2026-12-01', previous: { from: '2026-10-01', to: '2026-11-01' } });
    expect(plan.boundaries).toHaveLength(13);
    expect([plan.boundaries[0], plan.boundaries.at(-1)]).toEqual(['2025-12-01', '2026-12-01']);
    expect(plan.wholeMonths).toBe(true);
    expect(plan.ranges.find((r) => r.key === 'period')).toMatchObject({ fromIndex: 12, toIndex: 13 });
    expect(plan.ranges.find((r) => r.key === 'previous')).toMatchObject({ fromIndex: 11, toIndex: 12 });
  });

  it('keeps the dates of a custom period that cuts months, and adds the previous period before the window', () => {
    const plan = churnPlan({ from: '2026-03-10', to: '2026-05-20', previous: { from: '2025-12-29', to: '2026-03-10' } });
    expect(plan.wholeMonths).toBe(false);
    expect(plan.boundaries).toContain('2026-03-10');
    expect(plan.boundaries).toContain('2025-12-29');
    expect(plan.monthStarts[0]).toBe('2025-06-01');
    expect(plan.ranges.at(-3)).toMatchObject({ key: '2026-05', from: '2026-05-01', to: '2026-05-20' });
  });
});

/** The demo organisation as of this moment (Europe/Moscow, UTC+3 all year). */
const SEEDED_AT = new Date('2026-11-22T09:30:00Z');
const TODAY = '2026-11-22';
const msk = (date: string) => `${date}T00:00:00+03:00`;

/**
 * The expected figures, written from the definitions and not from the service: a client is active
 * at the start of day D when it won a deal on one of the N days before D; churned = active at the
 * start and not at the end; revenue by the instant of closing; the first won deal by (closed_at, id).
 */
function handWritten(database: () => Database) {
  /** Inside a rolled-back test the expectations read the same transaction. */
  let db = database;
  const wins = (where: SQL) => sql`
    select case when company_id is null then 'contact' else 'company' end as kind, coalesce(company_id, contact_id) as id,
           id as deal, closed_at, (closed_at at time zone 'Europe/Moscow')::date as day, amount
    from deals where status = 'won' and coalesce(company_id, contact_id) is not null and ${where}`;

  async function flows(from: string, to: string, days: number, where: SQL) {
    const [row] = rowsOf<{ start: number; end: number; churned: number; activated: number }>(
      await db().execute(sql`
        with w as (${wins(where)}),
             at_start as (select distinct kind, id from w where day >= ${from}::date - ${days}::int and day < ${from}::date),
             at_end as (select distinct kind, id from w where day >= ${to}::date - ${days}::int and day < ${to}::date)
        select (select count(*) from at_start)::int as start, (select count(*) from at_end)::int as end,
               (select count(*) from (select * from at_start except select * from at_end) as x)::int as churned,
               (select count(*) from (select * from at_end except select * from at_start) as x)::int as activated`),
    );
    return row!;
  }

  async function revenue(from: string, to: string, where: SQL) {
    const [row] = rowsOf<{ won: string; new: string }>(
      await db().execute(sql`
        with w as (${wins(where)}),
             firsts as (select distinct on (kind, id) deal from w order by kind, id, closed_at, deal)
        select round(coalesce(sum(amount), 0), 2)::text as won,
               round(coalesce(sum(amount) filter (where deal in (select deal from firsts)), 0), 2)::text as new
        from w where closed_at >= ${msk(from)}::timestamptz and closed_at < ${msk(to)}::timestamptz`),
    );
    return row!;
  }

  async function cohorts(from: string, to: string, where: SQL) {
    return rowsOf<{ cohort: string; month: string; clients: number }>(
      await db().execute(sql`
        with w as (${wins(where)}),
             firsts as (select kind, id, min(day) as first_day from w group by 1, 2),
             won_in as (select distinct kind, id, to_char(day, 'YYYY-MM') as month from w where day >= ${from}::date and day < ${to}::date)
        select to_char(f.first_day, 'YYYY-MM') as cohort, m.month, count(*)::int as clients
        from firsts as f join won_in as m using (kind, id)
        where f.first_day >= ${from}::date and f.first_day < ${to}::date
        group by 1, 2`),
    );
  }

  async function atRisk(days: number, where: SQL) {
    return rowsOf<{ kind: string; id: number; last_day: string; wins: number; amount: string; value: string; usual: number }>(
      await db().execute(sql`
        with w as (${wins(where)}),
             c as (select kind, id, count(*)::int as wins, min(day) as first_day, max(day) as last_day, sum(amount) as amount from w group by 1, 2)
        select kind, id, to_char(last_day, 'YYYY-MM-DD') as last_day, wins, amount::text, round(amount / wins, 2)::text as value,
               ((last_day - first_day)::numeric / (wins - 1))::float8 as usual
        from c
        where wins >= 2 and last_day > first_day and last_day >= ${TODAY}::date - ${2 * days}::int
          and (${TODAY}::date - last_day) > (last_day - first_day)::numeric / (wins - 1)
        order by round(amount / wins, 2) desc, kind, id`),
    );
  }

  /** Every figure of a report against the definitions. */
  async function expectReport(report: ChurnReport, where: SQL = sql`true`, on?: Database) {
    db = on ? () => on : database;
    const days = report.windowDays;
    const check = async (label: string, figures: ChurnFigures, from: string, to: string) => {
      const f = await flows(from, to, days, where);
      const r = await revenue(from, to, where);
      const { activeAtStart, activeAtEnd, churned, activated, churnRate, wonAmount, newAmount, returningAmount } = figures;
      expect({ label, activeAtStart, activeAtEnd, churned, activated, churnRate, wonAmount, newAmount, returningAmount }).toEqual({
        label,
        activeAtStart: f.start,
        activeAtEnd: f.end,
        churned: f.churned,
        activated: f.activated,
        churnRate: f.start === 0 ? null : f.churned / f.start,
        wonAmount: r.won,
        newAmount: r.new,
        returningAmount: (Number(r.won) - Number(r.new)).toFixed(2),
      });
    };
    await check('period', report.totals, report.period.from, report.period.to);
    await check('previous', report.previous, report.period.previous.from, report.period.previous.to);
    for (const month of report.byMonth) await check(month.month, month, month.from, month.to);

    const window = { from: report.byMonth[0]!.from, to: report.byMonth.at(-1)!.to };
    const cells = new Map((await cohorts(window.from, window.to, where)).map((c) => [`${c.cohort}:${c.month}`, c.clients]));
    const months = report.byMonth.map((m) => m.month);
    for (const [i, cohort] of report.cohorts.entries()) {
      expect(cohort.month).toBe(months[i]);
      expect({ cohort: cohort.month, retained: cohort.retained }).toEqual({
        cohort: cohort.month,
        retained: months.slice(i).map((month) => cells.get(`${cohort.month}:${month}`) ?? 0),
      });
      expect(cohort.clients).toBe(cohort.retained[0]);
      cohort.retention.forEach((share, k) => expect(share).toBe(cohort.clients === 0 ? null : cohort.retained[k]! / cohort.clients));
    }

    const risk = await atRisk(days, where);
    expect(report.atRisk.clients).toBe(risk.length);
    expect(Number(report.atRisk.valueAtRisk)).toBeCloseTo(risk.reduce((sum, r) => sum + Number(r.value), 0), 2);
    expect(report.atRisk.rows.map((r) => [r.clientKind, r.clientId, r.lastWinOn, r.wins, r.lifetimeAmount, r.valueAtRisk])).toEqual(
      risk.slice(0, report.atRisk.limit).map((r) => [r.kind, r.id, r.last_day, r.wins, r.amount, r.value]),
    );
    report.atRisk.rows.forEach((row, i) => {
      expect(row.usualIntervalDays).toBeCloseTo(risk[i]!.usual, 9);
      expect(row.daysOverdue).toBeCloseTo(row.daysSinceLastWin - risk[i]!.usual, 9);
      expect(row.daysOverdue).toBeGreaterThan(0);
    });
  }

  return { expectReport, flows };
}

describe.each(DRIVERS)('the churn report equals direct SQL on the demo organisation, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  const db = () => database().db;
  const { expectReport } = handWritten(db);
  let executive: SessionUser;
  let admin: SessionUser;
  let head: SessionUser;
  let manager: SessionUser;
  const now = SEEDED_AT;
  const report = (actor: SessionUser, filters: ReportFiltersInput, on: Database = db()) => churnReport({ db: on, actor }, filters, { now });

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: SEEDED_AT });
    const pick = async (role: string) => {
      const [row] = rowsOf<{ id: number }>(await db().execute(sql`select id from users where role = ${role} and is_active order by id limit 1`));
      return (await loadActiveUser(db(), row!.id))!;
    };
    [executive, admin, head, manager] = await Promise.all([pick('executive'), pick('admin'), pick('head'), pick('manager')]);
  });

  const teamOf = (user: SessionUser) => sql`owner_id in (select id from users where team_id = ${user.teamId})`;

  for (const [label, filters] of [
    ['this month', { period: 'thisMonth' }],
    ['last month', { period: 'lastMonth' }],
    ['a quarter', { period: 'quarter' }],
    ['a year', { period: 'year' }],
  ] as const) {
    it(`org-wide for ${label} (the monthly summaries): every month, the totals, cohorts and the at-risk list`, async () => {
      const result = await report(executive, filters);
      expect(result.windowDays).toBe(180);
      expect(result.today).toBe(TODAY);
      await expectReport(result);
    });
  }

  it('has something to show: churned and new clients, revenue of both kinds, cohorts that come back, clients at risk', async () => {
    const result = await report(executive, { period: 'year' });
    expect(result.byMonth.some((m) => m.churned > 0 && m.activated > 0)).toBe(true);
    expect(Number(result.totals.newAmount)).toBeGreaterThan(0);
    expect(Number(result.totals.returningAmount)).toBeGreaterThan(0);
    expect(result.cohorts.some((c) => c.retained.slice(1).some((n) => n > 0))).toBe(true);
    expect(result.atRisk.rows.length).toBeGreaterThan(0);
    expect(result.atRisk.rows[0]).toMatchObject({ name: expect.any(String), ownerName: expect.any(String) });
  });

  it('for a custom period that cuts months (read from the won deals), including its cut months', async () => {
    const result = await report(admin, { period: 'custom', from: '2026-03-10', to: '2026-05-20' });
    expect(result.byMonth.at(-1)).toMatchObject({ month: '2026-05', from: '2026-05-01', to: '2026-05-20' });
    await expectReport(result);
    const long = await report(admin, { period: 'custom', from: '2025-09-15', to: '2026-11-10' });
    expect(long.byMonth[0]).toMatchObject({ month: '2025-09', from: '2025-09-15' });
    await expectReport(long);
  });

  it('counts a win at the very first instant of a month in that month, and the client active only from the next day', () =>
    inRollback(db(), async (tx) => {
      const before = await report(executive, { period: 'lastMonth' }, tx);
      const beforeNovember = await report(executive, { period: 'thisMonth' }, tx);
      // A new company with one win at 00:00 on 1 November (Moscow) and one with a win a millisecond earlier.
      const ids = rowsOf<{ id: number }>(
        await tx.execute(sql`insert into companies (name, owner_id) select 'Border ' || g, (select id from users where role = 'manager' and is_active order by id limit 1)
                             from generate_series(1, 2) as g returning id`),
      ).map((r) => r.id);
      const won = (companyId: number, at: string) => sql`
        insert into deals (title, pipeline_id, stage_id, status, amount, company_id, owner_id, closed_at, stage_entered_at, furthest_stage_order)
        select 'Border deal', s.pipeline_id, s.id, 'won', 1000000, ${companyId}, (select id from users where role = 'manager' and is_active order by id limit 1), ${at}::timestamptz, ${at}::timestamptz, 1
        from stages as s where s.kind = 'won' order by s.id limit 1`;
      await tx.execute(won(ids[0]!, '2026-10-31T21:00:00Z'));
      await tx.execute(won(ids[1]!, '2026-10-31T20:59:59.999Z'));
      for (const filters of [{ period: 'lastMonth' }, { period: 'thisMonth' }, { period: 'custom', from: '2026-10-15', to: '2026-11-01' }] as const) {
        await expectReport(await report(executive, filters, tx), sql`true`, tx);
      }
      const october = await report(executive, { period: 'lastMonth' }, tx);
      const november = await report(executive, { period: 'thisMonth' }, tx);
      // The October win: October revenue (new), active at 1 November; the 1 November win: November revenue, not active at 1 November.
      expect(Number(october.totals.newAmount) - Number(before.totals.newAmount)).toBe(1_000_000);
      expect(october.totals.activeAtEnd - before.totals.activeAtEnd).toBe(1);
      expect(Number(november.totals.newAmount) - Number(beforeNovember.totals.newAmount)).toBe(1_000_000);
      expect(november.totals.activeAtStart - beforeNovember.totals.activeAtStart).toBe(1);
    }));

  it('is all zeros for a period without deals, with no rates', async () => {
    const result = await report(executive, { period: 'custom', from: '2015-03-01', to: '2015-04-01' });
    await expectReport(result);
    expect(result.totals).toEqual({ activeAtStart: 0, activeAtEnd: 0, churned: 0, activated: 0, churnRate: null, wonAmount: '0.00', newAmount: '0.00', returningAmount: '0.00' });
    expect(result.cohorts.every((c) => c.clients === 0 && c.retention.every((r) => r === null))).toBe(true);
  });

  it('gives a head the clients of the team: the won deals its members own', async () => {
    const mine = await report(head, { period: 'year' });
    await expectReport(mine, teamOf(head));
    const org = await report(executive, { period: 'year' });
    expect(mine.totals.activeAtStart).toBeLessThan(org.totals.activeAtStart);
    const viaFilter = await report(executive, { period: 'year', teamId: head.teamId! });
    expect(viaFilter).toEqual(mine);
    // Whole months read the team's summaries; a period that cuts months reads the team's won deals.
    await expectReport(await report(head, { period: 'custom', from: '2026-02-10', to: '2026-06-20' }), teamOf(head));
    await expectReport(await report(head, { period: 'quarter' }), teamOf(head));
  });

  it('narrows by manager, pipeline and source the same way', async () => {
    const [owner] = rowsOf<{ id: number }>(await db().execute(sql`select owner_id as id from deals where status = 'won' group by 1 order by count(*) desc limit 1`));
    await expectReport(await report(executive, { period: 'quarter', ownerId: owner!.id }), sql`owner_id = ${owner!.id}`);
    const [pipeline] = rowsOf<{ id: number }>(await db().execute(sql`select pipeline_id as id from deals where status = 'won' group by 1 order by count(*) limit 1`));
    await expectReport(await report(executive, { period: 'year', pipelineId: pipeline!.id }), sql`pipeline_id = ${pipeline!.id}`);
    await expectReport(await report(admin, { period: 'year', sourceId: 1, teamId: head.teamId! }), sql`source_id = 1 and ${teamOf(head)}`);
  });

  it('refuses managers and a head asking for another team', async () => {
    const error = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as ServiceError);
    expect((await error(report(manager, { period: 'year' })))?.code).toBe('FORBIDDEN');
    expect((await error(report(head, { period: 'year', teamId: head.teamId! + 1 })))?.code).toBe('FORBIDDEN');
    expect((await error(report(executive, { period: 'custom', from: '2020-01-01', to: '2026-01-01' })))?.code).toBe('BAD_REQUEST');
  });

  it('uses the churn window the admin set, and says so', () =>
    inRollback(db(), async (tx) => {
      const [org] = rowsOf<{ version: number }>(await tx.execute(sql`select version from organisation where id = 1`));
      await updateOrganisationSettings({ db: tx, actor: admin }, { version: org!.version, churnWindowDays: 45 });
      for (const actor of [executive, head]) {
        const result = await report(actor, { period: 'year' }, tx);
        expect(result.windowDays).toBe(45);
        await expectReport(result, actor === head ? teamOf(head) : sql`true`, tx);
      }
    }));
});
