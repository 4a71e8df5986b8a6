import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { TRPCError } from '@trpc/server';
import { createCallerFactory } from '@/server/trpc/init';
import { analyticsSalesRouter } from '@/server/routers/analytics-sales';
import { ServiceError } from '../errors';
import { conversionReport } from './conversion';
import { lossReasonsReport } from './loss-reasons';
import { sourcesReport } from './sources-report';
import { trendMonthRange, trendMonths } from './sales-report-base';

describe('the trend line', () => {
  it('covers the 12 months ending with a short period, and every month of a long one', () => {
    expect(trendMonths({ from: '2026-11-01', to: '2026-12-01' })).toEqual({
      window: { from: '2025-12-01', to: '2026-12-01' },
      months: ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
    });
    expect(trendMonths({ from: '2026-03-10', to: '2026-03-20' }).months).toHaveLength(12);
    expect(trendMonths({ from: '2026-03-10', to: '2026-03-20' }).window).toEqual({ from: '2025-04-01', to: '2026-03-20' });
    const long = trendMonths({ from: '2025-01-15', to: '2026-03-10' });
    expect(long.window).toEqual({ from: '2025-01-15', to: '2026-03-10' });
    expect(long.months).toHaveLength(15);
    expect([long.months[0], long.months.at(-1)]).toEqual(['2025-01', '2026-03']);
  });

  it('gives each month the half-open dates it covers, cut to the trend window', () => {
    const wide = { from: '2000-01-01', to: '2100-01-01' };
    expect(trendMonthRange('2026-12', wide)).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(trendMonthRange('2026-03', wide)).toEqual({ from: '2026-03-01', to: '2026-04-01' });
    const window = (period: { from: string; to: string }) => trendMonths(period).window;
    expect(trendMonthRange('2026-11', window({ from: '2026-11-01', to: '2026-11-15' }))).toEqual({ from: '2026-11-01', to: '2026-11-15' });
    expect(trendMonthRange('2025-12', window({ from: '2026-11-01', to: '2026-12-01' }))).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    // A period longer than a year starts the window mid-month.
    expect(trendMonthRange('2024-03', window({ from: '2024-03-10', to: '2026-01-01' }))).toEqual({ from: '2024-03-10', to: '2024-04-01' });
  });
});

/** The demo organisation as of this moment (Europe/Moscow, UTC+3 all year). */
const SEEDED_AT = new Date('2026-11-22T09:30:00Z');
/** Midnight of an org-local date, written by hand: Moscow has no daylight saving. */
const msk = (date: string) => `${date}T00:00:00+03:00`;

interface LeadCounts {
  key: number | string | null;
  created: number;
  converted: number;
  junk: number;
}
interface DealCounts {
  key: number | string | null;
  won: number;
  lost: number;
  won_amount: string;
  avg_size: string | null;
  cycle: number | null;
}

/**
 * The expected figures, written from the definitions and not from the services: plain counts over
 * leads / deals with literal Moscow instants, one GROUP BY per breakdown.
 */
function expectations(db: () => Database) {
  async function leadCounts(from: string, to: string, key: SQL = sql`null::int`, where: SQL = sql`true`): Promise<LeadCounts[]> {
    return rowsOf<LeadCounts>(
      await db().execute(sql`
        select ${key} as key, count(*)::int as created,
               sum(case when status = 'converted' then 1 else 0 end)::int as converted,
               sum(case when status = 'junk' then 1 else 0 end)::int as junk
        from leads
        where created_at >= ${msk(from)}::timestamptz and created_at < ${msk(to)}::timestamptz and ${where}
        group by 1`),
    );
  }
  async function dealCounts(from: string, to: string, key: SQL = sql`null::int`, where: SQL = sql`true`): Promise<DealCounts[]> {
    return rowsOf<DealCounts>(
      await db().execute(sql`
        select ${key} as key,
               sum(case when status = 'won' then 1 else 0 end)::int as won,
               sum(case when status = 'lost' then 1 else 0 end)::int as lost,
               coalesce(sum(case when status = 'won' then amount end), 0::numeric(14,2))::text as won_amount,
               round(sum(case when status = 'won' then amount end) / nullif(sum(case when status = 'won' then 1 else 0 end), 0), 2)::text as avg_size,
               (sum(case when status = 'won' then extract(epoch from closed_at) - extract(epoch from created_at) end)
                 / nullif(sum(case when status = 'won' then 1 else 0 end), 0) / 86400)::float8 as cycle
        from deals
        where closed_at is not null and closed_at >= ${msk(from)}::timestamptz and closed_at < ${msk(to)}::timestamptz and ${where}
        group by 1`),
    );
  }
  return { leadCounts, dealCounts };
}

const leadShape = (r: { created: number; converted: number; junk: number } | null | undefined) => ({
  created: r?.created ?? 0,
  converted: r?.converted ?? 0,
  junk: r?.junk ?? 0,
});
const dealShape = (r: { won: number; lost: number; wonAmount: string; averageDealSize: string | null } | undefined) => ({
  won: r?.won ?? 0,
  lost: r?.lost ?? 0,
  wonAmount: r?.wonAmount ?? '0.00',
  averageDealSize: r?.averageDealSize ?? null,
});
const expectedDealShape = (r: DealCounts | undefined) => ({
  won: r?.won ?? 0,
  lost: r?.lost ?? 0,
  wonAmount: r?.won_amount ?? '0.00',
  averageDealSize: r?.avg_size ?? null,
});

describe.each(DRIVERS)('sales reports equal direct SQL on the demo organisation, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  const db = () => database().db;
  const { leadCounts, dealCounts } = expectations(db);
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
    const [org] = rowsOf<{ time_zone: string }>(await db().execute(sql`select time_zone from organisation`));
    expect(org!.time_zone).toBe('Europe/Moscow');
  });

  const teamOf = (user: SessionUser) => sql`owner_id in (select id from users where team_id = ${user.teamId})`;

  describe('conversion', () => {
    it('has demo figures to compare in the month of the seed', async () => {
      const [leads] = await leadCounts('2026-11-01', '2026-12-01');
      const [deals] = await dealCounts('2026-11-01', '2026-12-01');
      expect(leads!.converted).toBeGreaterThan(0);
      expect(leads!.junk).toBeGreaterThan(0);
      expect(deals!.won).toBeGreaterThan(0);
      expect(deals!.lost).toBeGreaterThan(0);
    });

    for (const [label, filters, from, to] of [
      ['this month', { period: 'thisMonth' }, '2026-11-01', '2026-12-01'],
      ['last month', { period: 'lastMonth' }, '2026-10-01', '2026-11-01'],
      ['a quarter', { period: 'custom', from: '2026-07-01', to: '2026-10-01' }, '2026-07-01', '2026-10-01'],
      ['a year', { period: 'year' }, '2026-01-01', '2027-01-01'],
    ] as const) {
      it(`totals, per manager, source and pipeline for ${label}`, async () => {
        const report = await conversionReport({ db: db(), actor: executive }, filters, { now });
        expect(report.period).toMatchObject({ from, to });

        const [leads] = await leadCounts(from, to);
        const [deals] = await dealCounts(from, to);
        expect(leadShape(report.totals.leads)).toEqual(leadShape(leads));
        expect(report.totals.leads!.conversion).toBeCloseTo(leads!.converted / (leads!.converted + leads!.junk), 12);
        expect(dealShape(report.totals.deals)).toEqual(expectedDealShape(deals));
        expect(report.totals.deals.winRate).toBeCloseTo(deals!.won / (deals!.won + deals!.lost), 12);
        expect(report.totals.deals.averageCycleDays).toBeCloseTo(deals!.cycle!, 6);

        const [prevLeads] = await leadCounts(report.period.previous.from, report.period.previous.to);
        const [prevDeals] = await dealCounts(report.period.previous.from, report.period.previous.to);
        expect(leadShape(report.previous.leads)).toEqual(leadShape(prevLeads));
        expect(dealShape(report.previous.deals)).toEqual(expectedDealShape(prevDeals));

        const byOwnerLeads = new Map((await leadCounts(from, to, sql`owner_id`)).map((r) => [r.key, r]));
        const byOwnerDeals = new Map((await dealCounts(from, to, sql`owner_id`)).map((r) => [r.key, r]));
        expect(new Set(report.byManager.map((r) => r.ownerId))).toEqual(new Set([...byOwnerLeads.keys(), ...byOwnerDeals.keys()]));
        for (const row of report.byManager) {
          expect({ id: row.ownerId, ...leadShape(row.leads), ...dealShape(row.deals) }).toEqual({
            id: row.ownerId,
            ...leadShape(byOwnerLeads.get(row.ownerId)),
            ...expectedDealShape(byOwnerDeals.get(row.ownerId)),
          });
          const cycle = byOwnerDeals.get(row.ownerId)?.cycle ?? null;
          if (cycle === null) expect(row.deals.averageCycleDays).toBeNull();
          else expect(row.deals.averageCycleDays).toBeCloseTo(cycle, 6);
        }

        const bySourceLeads = new Map((await leadCounts(from, to, sql`source_id`)).map((r) => [r.key, r]));
        const bySourceDeals = new Map((await dealCounts(from, to, sql`source_id`)).map((r) => [r.key, r]));
        expect(new Set(report.bySource.map((r) => r.sourceId))).toEqual(new Set([...bySourceLeads.keys(), ...bySourceDeals.keys()]));
        for (const row of report.bySource) {
          expect({ id: row.sourceId, ...leadShape(row.leads), ...dealShape(row.deals) }).toEqual({
            id: row.sourceId,
            ...leadShape(bySourceLeads.get(row.sourceId)),
            ...expectedDealShape(bySourceDeals.get(row.sourceId)),
          });
        }

        const byPipeline = await dealCounts(from, to, sql`pipeline_id`);
        expect(report.byPipeline.map((r) => ({ id: r.pipelineId, ...dealShape(r.deals) })).sort((a, b) => a.id - b.id)).toEqual(
          byPipeline.map((r) => ({ id: r.key as number, ...expectedDealShape(r) })).sort((a, b) => a.id - b.id),
        );
        expect(report.byPipeline.every((r) => r.leads === null)).toBe(true);
      });
    }

    it('draws a 12-month trend ending with the period, each month equal to direct SQL', async () => {
      const report = await conversionReport({ db: db(), actor: executive }, { period: 'thisMonth' }, { now });
      expect(report.byMonth.map((m) => m.month)).toEqual([
        '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
      ]);
      const monthKey = (column: string) => sql.raw(`to_char(${column} at time zone 'Europe/Moscow', 'YYYY-MM')`);
      const leads = new Map((await leadCounts('2025-12-01', '2026-12-01', monthKey('created_at'))).map((r) => [r.key, r]));
      const deals = new Map((await dealCounts('2025-12-01', '2026-12-01', monthKey('closed_at'))).map((r) => [r.key, r]));
      for (const row of report.byMonth) {
        expect({ month: row.month, ...leadShape(row.leads), ...dealShape(row.deals) }).toEqual({
          month: row.month,
          ...leadShape(leads.get(row.month)),
          ...expectedDealShape(deals.get(row.month)),
        });
      }
      expect(report.byMonth.at(-1)!.leads).toEqual(report.totals.leads);
      expect(report.byMonth.at(-1)!.deals).toEqual(report.totals.deals);
    });

    it('splits a long period starting mid-month into its months, which add up to the totals', async () => {
      const report = await conversionReport({ db: db(), actor: executive }, { period: 'custom', from: '2025-08-15', to: '2026-11-10' }, { now });
      expect(report.byMonth).toHaveLength(16);
      const sum = (pick: (m: (typeof report.byMonth)[number]) => number) => report.byMonth.reduce((total, m) => total + pick(m), 0);
      expect(sum((m) => m.leads!.created)).toBe(report.totals.leads!.created);
      expect(sum((m) => m.deals.won)).toBe(report.totals.deals.won);
      const [firstMonth] = await leadCounts('2025-08-15', '2025-09-01');
      expect(report.byMonth[0]).toMatchObject({ month: '2025-08', leads: { created: firstMonth?.created ?? 0 } });
      const [lastMonth] = await dealCounts('2026-11-01', '2026-11-10');
      expect(report.byMonth.at(-1)).toMatchObject({ month: '2026-11', deals: { won: lastMonth?.won ?? 0, lost: lastMonth?.lost ?? 0 } });
    });

    it('narrows by source and pipeline filters', async () => {
      const [pipeline] = rowsOf<{ id: number }>(await db().execute(sql`select pipeline_id as id from deals group by 1 order by count(*) desc limit 1`));
      const report = await conversionReport({ db: db(), actor: admin }, { period: 'year', sourceId: 1, pipelineId: pipeline!.id }, { now });
      const [leads] = await leadCounts('2026-01-01', '2027-01-01', undefined, sql`source_id = 1`);
      const [deals] = await dealCounts('2026-01-01', '2027-01-01', undefined, sql`source_id = 1 and pipeline_id = ${pipeline!.id}`);
      expect(leadShape(report.totals.leads)).toEqual(leadShape(leads));
      expect(dealShape(report.totals.deals)).toEqual(expectedDealShape(deals));
    });
  });

  describe('sources', () => {
    for (const [label, filters, from, to, months] of [
      ['one month', { period: 'lastMonth' }, '2026-10-01', '2026-11-01', '1'],
      ['a quarter', { period: 'custom', from: '2026-07-01', to: '2026-10-01' }, '2026-07-01', '2026-10-01', '3'],
      // Pro rata by days: 12 of October's 31 days and 9 of November's 30.
      ['days across two months', { period: 'custom', from: '2026-10-20', to: '2026-11-10' }, '2026-10-20', '2026-11-10', '(12::numeric / 31 + 9::numeric / 30)'],
    ] as const) {
      it(`per source leads, conversion, revenue and costs over ${label}`, async () => {
        const report = await sourcesReport({ db: db(), actor: executive }, filters, { now });
        const expected = rowsOf<{
          id: number | null;
          leads: number;
          converted: number;
          junk: number;
          won: number;
          won_amount: string;
          cost: string | null;
          cpl: string | null;
          cps: string | null;
        }>(
          await db().execute(sql.raw(`
            with l as (select source_id, count(*)::int as leads,
                              count(*) filter (where status = 'converted')::int as converted,
                              count(*) filter (where status = 'junk')::int as junk
                       from leads where created_at >= '${msk(from)}' and created_at < '${msk(to)}' group by 1),
                 d as (select source_id, count(*)::int as won, sum(amount) as won_amount from deals
                       where status = 'won' and closed_at >= '${msk(from)}' and closed_at < '${msk(to)}' group by 1)
            select s.id, coalesce(l.leads, 0) as leads, coalesce(l.converted, 0) as converted, coalesce(l.junk, 0) as junk,
                   coalesce(d.won, 0) as won, coalesce(d.won_amount, 0::numeric(14,2))::text as won_amount,
                   round(s.monthly_cost * ${months}, 2)::text as cost,
                   round(round(s.monthly_cost * ${months}, 2) / nullif(l.leads, 0), 2)::text as cpl,
                   round(round(s.monthly_cost * ${months}, 2) / nullif(d.won, 0), 2)::text as cps
            from lead_sources s left join l on l.source_id = s.id left join d on d.source_id = s.id
            order by s.id`)),
        );
        expect(expected.some((r) => r.cost !== null && r.cpl !== null)).toBe(true);
        const rows = new Map(report.rows.map((r) => [r.sourceId, r]));
        for (const e of expected) {
          const row = rows.get(e.id);
          expect({ id: e.id, leads: row?.leads, converted: row?.converted, junk: row?.junk, won: row?.won, wonAmount: row?.wonAmount, cost: row?.cost, cpl: row?.costPerLead, cps: row?.costPerSale }).toEqual({
            id: e.id,
            leads: e.leads,
            converted: e.converted,
            junk: e.junk,
            won: e.won,
            wonAmount: e.won_amount,
            cost: e.cost,
            cpl: e.cpl,
            cps: e.cps,
          });
          if (row!.conversion !== null) expect(row!.conversion).toBeCloseTo(e.converted / (e.converted + e.junk), 12);
        }
        const [all] = await leadCounts(from, to);
        const [deals] = await dealCounts(from, to);
        expect(report.totals).toMatchObject({ leads: all!.created, converted: all!.converted, junk: all!.junk, won: deals!.won, wonAmount: deals!.won_amount });
        const [prev] = await leadCounts(report.period.previous.from, report.period.previous.to);
        expect(report.previous.leads).toBe(prev?.created ?? 0);
      });
    }
  });

  describe('loss reasons', () => {
    /** The stage before lost, the other way round: the last history row into a lost-kind stage. */
    async function expectedLosses(from: string, to: string, where: SQL = sql`true`) {
      return rowsOf<{ reason: number; stage: number | null; count: number; amount: string }>(
        await db().execute(sql`
          with last_loss as (
            select distinct on (h.deal_id) h.deal_id, h.from_stage_id
            from deal_stage_history h join stages s on s.id = h.to_stage_id and s.kind = 'lost'
            order by h.deal_id, h.changed_at desc, h.id desc
          )
          select d.loss_reason_id as reason, ll.from_stage_id as stage, count(*)::int as count, sum(d.amount)::text as amount
          from deals d left join last_loss ll on ll.deal_id = d.id
          where d.status = 'lost' and d.closed_at >= ${msk(from)}::timestamptz and d.closed_at < ${msk(to)}::timestamptz and ${where}
          group by 1, 2`),
      );
    }
    function sumBy<K>(rows: { count: number; amount: string }[], key: (r: never) => K) {
      const out = new Map<K, { count: number; cents: number }>();
      for (const r of rows) {
        const k = key(r as never);
        const cur = out.get(k) ?? { count: 0, cents: 0 };
        out.set(k, { count: cur.count + r.count, cents: cur.cents + Math.round(Number(r.amount) * 100) });
      }
      return out;
    }
    const cents = (amount: string) => Math.round(Number(amount) * 100);

    for (const [label, filters, from, to] of [
      ['last month', { period: 'lastMonth' }, '2026-10-01', '2026-11-01'],
      ['a year', { period: 'year' }, '2026-01-01', '2027-01-01'],
      // Not whole months: read from the deals, not the monthly summary.
      ['a custom stretch', { period: 'custom', from: '2026-03-15', to: '2026-09-10' }, '2026-03-15', '2026-09-10'],
    ] as const) {
      it(`per reason, per stage and both over ${label}`, async () => {
        const report = await lossReasonsReport({ db: db(), actor: executive }, filters, { now });
        const cells = await expectedLosses(from, to);
        expect(cells.length).toBeGreaterThan(0);
        expect(cells.every((c) => c.stage !== null)).toBe(true);
        expect(report.totals.count).toBe(cells.reduce((s, c) => s + c.count, 0));
        expect(cents(report.totals.amount)).toBe(cells.reduce((s, c) => s + cents(c.amount), 0));
        const reasons = sumBy(cells, (c: { reason: number }) => c.reason);
        expect(new Map(report.byReason.map((r) => [r.reasonId, { count: r.count, cents: cents(r.amount) }]))).toEqual(reasons);
        const stages = sumBy(cells, (c: { stage: number | null }) => c.stage);
        expect(new Map(report.byStage.map((r) => [r.stageId, { count: r.count, cents: cents(r.amount) }]))).toEqual(stages);
        expect(report.byReasonAndStage.map((r) => [r.reasonId, r.stageId, r.count, cents(r.amount)]).sort()).toEqual(
          cells.map((c) => [c.reason, c.stage, c.count, cents(c.amount)]).sort(),
        );
        // Stages a deal is lost from are open stages, never won / lost ones.
        const kinds = rowsOf<{ kind: string }>(await db().execute(sql`select kind from stages where id in (${sql.join(report.byStage.map((r) => sql`${r.stageId}`), sql`, `)})`));
        expect(kinds.every((k) => k.kind === 'open')).toBe(true);
        const prev = await expectedLosses(report.period.previous.from, report.period.previous.to);
        expect(report.previous.count).toBe(prev.reduce((s, c) => s + c.count, 0));
      });
    }
  });

  describe('scope', () => {
    it("gives a head only the own team's figures", async () => {
      const conversion = await conversionReport({ db: db(), actor: head }, { period: 'year' }, { now });
      const [leads] = await leadCounts('2026-01-01', '2027-01-01', undefined, teamOf(head));
      const [deals] = await dealCounts('2026-01-01', '2027-01-01', undefined, teamOf(head));
      expect(leadShape(conversion.totals.leads)).toEqual(leadShape(leads));
      expect(dealShape(conversion.totals.deals)).toEqual(expectedDealShape(deals));
      const [all] = await leadCounts('2026-01-01', '2027-01-01');
      expect(conversion.totals.leads!.created).toBeLessThan(all!.created);
      const members = new Set(rowsOf<{ id: number }>(await db().execute(sql`select id from users where team_id = ${head.teamId}`)).map((r) => r.id));
      expect(conversion.byManager.every((r) => r.ownerId !== null && members.has(r.ownerId))).toBe(true);

      const sources = await sourcesReport({ db: db(), actor: head }, { period: 'year' }, { now });
      expect(sources.totals.leads).toBe(leads!.created);
      expect(sources.totals.won).toBe(deals!.won);
      const losses = await lossReasonsReport({ db: db(), actor: head }, { period: 'year' }, { now });
      expect(losses.totals.count).toBe(deals!.lost);
    });

    it('refuses a manager, and a head asking for another team', async () => {
      for (const report of [conversionReport, sourcesReport, lossReasonsReport]) {
        await expect(report({ db: db(), actor: manager }, {}, { now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(report({ db: db(), actor: head }, { teamId: head.teamId! + 1 }, { now })).rejects.toBeInstanceOf(ServiceError);
      }
    });
  });

  describe('router', () => {
    const caller = (user: SessionUser) => createCallerFactory(analyticsSalesRouter)({ db: db(), user });
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: unknown) => (error instanceof TRPCError ? error.code : Promise.reject(error)));

    it('serves heads, executives and admins, refuses managers and bad filters', async () => {
      for (const user of [head, executive, admin]) {
        expect(await codeOf(caller(user).conversion({ period: 'lastMonth' }))).toBe('OK');
        expect(await codeOf(caller(user).sources({ period: 'lastMonth' }))).toBe('OK');
        expect(await codeOf(caller(user).lossReasons({ period: 'lastMonth' }))).toBe('OK');
      }
      expect(await codeOf(caller(manager).conversion({}))).toBe('FORBIDDEN');
      expect(await codeOf(caller(manager).sources({}))).toBe('FORBIDDEN');
      expect(await codeOf(caller(manager).lossReasons({}))).toBe('FORBIDDEN');
      expect(await codeOf(caller(head).lossReasons({ teamId: head.teamId! + 1 }))).toBe('FORBIDDEN');
      expect(await codeOf(caller(executive).conversion({ period: 'custom', from: '2026-02-01', to: '2026-01-01' }))).toBe('BAD_REQUEST');
    });
  });

  describe('borders, empty periods and reopened deals (fixture rows in a future month)', () => {
    /** March 2027 in Moscow: [2027-02-28T21:00Z, 2027-03-31T21:00Z); the demo has nothing there. */
    const MARCH = { period: 'custom', from: '2027-03-01', to: '2027-04-01' } as const;
    const START = '2027-02-28T21:00:00Z';
    const END = '2027-03-31T21:00:00Z';

    async function fixture(tx: Database) {
      const one = async <T>(query: SQL) => rowsOf<T>(await tx.execute(query))[0]!;
      const owner = manager.id;
      const pipeline = await one<{ id: number }>(sql`select pipeline_id as id from stages group by 1 order by 1 limit 1`);
      const stage = async (kind: string, n = 0) =>
        (await one<{ id: number }>(sql`select id from stages where pipeline_id = ${pipeline.id} and kind = ${kind} order by sort_order offset ${n} limit 1`)).id;
      const [first, second, won, lost] = [await stage('open'), await stage('open', 1), await stage('won'), await stage('lost')];
      const junkReason = (await one<{ id: number }>(sql`select id from junk_reasons order by id limit 1`)).id;
      const lossReason = (await one<{ id: number }>(sql`select id from loss_reasons order by id limit 1`)).id;
      const contact = (await one<{ id: number }>(sql`select id from contacts order by id limit 1`)).id;

      const lead = (createdAt: string, status: 'new' | 'junk' | 'converted') =>
        tx.execute(sql`insert into leads (title, owner_id, source_id, status, junk_reason_id, junked_at, converted_contact_id, converted_at, created_at, updated_at)
          values ('fixture', ${owner}, 1, ${status},
                  ${status === 'junk' ? junkReason : null}, ${status === 'junk' ? createdAt : null}::timestamptz,
                  ${status === 'converted' ? contact : null}, ${status === 'converted' ? createdAt : null}::timestamptz,
                  ${createdAt}::timestamptz, ${createdAt}::timestamptz)`);
      await lead(START, 'converted'); // exactly at the start: in
      await lead('2027-03-31T20:59:59.999Z', 'junk'); // the last instant: in
      await lead('2027-03-15T10:00:00Z', 'new'); // in, not yet decided
      await lead(END, 'converted'); // exactly at the end: out
      await lead('2027-02-28T20:59:59.999Z', 'junk'); // just before the start: out (previous period)

      /** A deal and its stage path: [stage, at] moves after creation at `createdAt` in `first`. */
      const deal = async (amount: string, createdAt: string, path: [number, string][], final: { status: string; closedAt: string | null; reason?: number }) => {
        const stageId = path.at(-1)?.[0] ?? first;
        const row = await one<{ id: number }>(sql`insert into deals (title, pipeline_id, stage_id, status, amount, owner_id, source_id, closed_at, loss_reason_id, created_at, updated_at, stage_entered_at)
          values ('fixture', ${pipeline.id}, ${stageId}, ${final.status}, ${amount}, ${owner}, 1, ${final.closedAt}::timestamptz, ${final.reason ?? null},
                  ${createdAt}::timestamptz, ${createdAt}::timestamptz, ${createdAt}::timestamptz) returning id`);
        let from: number | null = null;
        for (const [to, at] of [[first, createdAt] as [number, string], ...path]) {
          await tx.execute(sql`insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, changed_at) values (${row.id}, ${from}, ${to}, ${at}::timestamptz)`);
          from = to;
        }
        return row.id;
      };
      // Won exactly at the start (in), 10 days after creation.
      await deal('1000.00', '2027-02-18T21:00:00Z', [[won, START]], { status: 'won', closedAt: START });
      // Won at the last instant (in), 20 days after creation.
      await deal('3000.00', '2027-03-11T20:59:59.999Z', [[second, '2027-03-20T10:00:00Z'], [won, '2027-03-31T20:59:59.999Z']], { status: 'won', closedAt: '2027-03-31T20:59:59.999Z' });
      // Won exactly at the end: out.
      await deal('5000.00', '2027-03-01T10:00:00Z', [[won, END]], { status: 'won', closedAt: END });
      // Won in March, then reopened: open now, counts nowhere.
      await deal('7000.00', '2027-03-01T10:00:00Z', [[won, '2027-03-05T10:00:00Z'], [second, '2027-03-06T10:00:00Z']], { status: 'open', closedAt: null });
      // Lost from `second`, reopened into `first`, lost again from `first`: lost once, from `first`.
      await deal('400.00', '2027-03-01T10:00:00Z', [[second, '2027-03-02T10:00:00Z'], [lost, '2027-03-03T10:00:00Z'], [first, '2027-03-04T10:00:00Z'], [lost, '2027-03-10T10:00:00Z']], {
        status: 'lost',
        closedAt: '2027-03-10T10:00:00Z',
        reason: lossReason,
      });
      // Lost from `second` exactly at the start (in).
      await deal('600.00', '2027-02-10T10:00:00Z', [[second, '2027-02-11T10:00:00Z'], [lost, START]], { status: 'lost', closedAt: START, reason: lossReason });
      // Lost exactly at the end: out.
      await deal('900.00', '2027-03-10T10:00:00Z', [[lost, END]], { status: 'lost', closedAt: END, reason: lossReason });
      return { pipeline: pipeline.id, first, second, lossReason };
    }

    it('counts rows at the start, not at the end; a reopened deal by its current state', async () => {
      await inRollback(db(), async (tx) => {
        const ids = await fixture(tx);
        const conversion = await conversionReport({ db: tx, actor: executive }, MARCH, { now });
        expect(conversion.totals.leads).toEqual({ created: 3, converted: 1, junk: 1, conversion: 0.5 });
        expect(conversion.totals.deals).toEqual({ won: 2, lost: 2, winRate: 0.5, wonAmount: '4000.00', averageDealSize: '2000.00', averageCycleDays: expect.closeTo(15, 6) as number });
        expect(conversion.previous.leads).toMatchObject({ created: 1, junk: 1 });
        expect(conversion.byMonth.at(-1)).toMatchObject({ month: '2027-03', leads: { created: 3 }, deals: { won: 2, lost: 2 } });
        expect(conversion.byManager).toEqual([expect.objectContaining({ ownerId: manager.id, leads: conversion.totals.leads, deals: conversion.totals.deals })]);

        const sources = await sourcesReport({ db: tx, actor: executive }, MARCH, { now });
        const website = sources.rows.find((r) => r.sourceId === 1)!;
        // The website form costs 60,000 a month: 20,000.00 per each of 3 leads, 30,000.00 per each of 2 sales.
        expect(website).toMatchObject({ leads: 3, won: 2, wonAmount: '4000.00', cost: '60000.00', costPerLead: '20000.00', costPerSale: '30000.00' });

        const losses = await lossReasonsReport({ db: tx, actor: executive }, MARCH, { now });
        expect(losses.totals).toEqual({ count: 2, amount: '1000.00' });
        expect(losses.byReason).toEqual([expect.objectContaining({ reasonId: ids.lossReason, count: 2, amount: '1000.00', share: 1 })]);
        expect(losses.byStage.map((r) => [r.stageId, r.count, r.amount])).toEqual([
          [ids.first, 1, '400.00'],
          [ids.second, 1, '600.00'],
        ]);
      });
    });

    it('gives zeros and nulls for an empty period', async () => {
      const EMPTY = { period: 'custom', from: '2030-01-01', to: '2030-02-01' } as const;
      const conversion = await conversionReport({ db: db(), actor: executive }, EMPTY, { now });
      expect(conversion.totals).toEqual({
        leads: { created: 0, converted: 0, junk: 0, conversion: null },
        deals: { won: 0, lost: 0, winRate: null, wonAmount: '0.00', averageDealSize: null, averageCycleDays: null },
      });
      expect(conversion.byManager).toEqual([]);
      expect(conversion.bySource).toEqual([]);
      expect(conversion.byPipeline).toEqual([]);
      expect(conversion.byMonth).toHaveLength(12);
      const sources = await sourcesReport({ db: db(), actor: executive }, EMPTY, { now });
      expect(sources.totals).toMatchObject({ leads: 0, won: 0, wonAmount: '0.00', conversion: null, winRate: null, costPerLead: null, costPerSale: null });
      expect(sources.rows.find((r) => r.sourceId === 1)).toMatchObject({ leads: 0, cost: '60000.00', costPerLead: null, costPerSale: null });
      const losses = await lossReasonsReport({ db: db(), actor: executive }, EMPTY, { now });
      expect(losses).toMatchObject({ totals: { count: 0, amount: '0.00' }, byReason: [], byStage: [], byReasonAndStage: [] });
    });
  });
});
