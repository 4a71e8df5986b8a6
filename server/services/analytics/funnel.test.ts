import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { createCallerFactory } from '@/server/trpc/init';
import { analyticsFunnelRouter } from '@/server/routers/analytics-funnel';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { reopenDeal } from '../deals/reopen-deal';
import { dealFunnel, type DealFunnel, type FunnelSeries } from './funnel';
import { pipelineSnapshot } from './pipeline-snapshot';
import type { ReportFiltersInput } from './report-filters';
import { STAY_BAND_EDGES } from '@/lib/analytics/stay-bands';

/** The demo organisation as of this moment (Moscow: 22 November 2026). */
const NOW = new Date('2026-11-22T09:30:00Z');
/** Moscow has been UTC+3 all year since 2014: the instant a Moscow calendar day begins, written by hand. */
const moscowMidnight = (date: string) => `${date}T00:00:00+03:00`;

const PERIODS: ReportFiltersInput[] = [
  { period: 'thisMonth' },
  { period: 'lastMonth' },
  { period: 'quarter' },
  { period: 'year' },
  { period: 'custom', from: '2025-09-15', to: '2026-03-01' },
];

interface StageFigure {
  deals: number;
  amount: string;
}
interface Expected {
  created: StageFigure;
  /** By stage id: open stages and won (reached it or later), lost (currently lost). */
  stages: Map<number, StageFigure>;
}
interface Scope {
  pipelineId: number;
  from: string;
  to: string;
  /** Only these owners (a head's team), or everyone. */
  ownerIds?: number[];
  sourceId?: number;
}

const ZERO: StageFigure = { deals: 0, amount: '0.00' };

describe.each(DRIVERS)('the deal funnel and the pipeline snapshot equal direct SQL on the demo organisation, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  let executive: SessionUser;
  let admin: SessionUser;
  let head: SessionUser;
  let manager: SessionUser;
  let pipelines: { id: number; stages: { id: number; kind: string; sort_order: number }[] }[] = [];

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: NOW });
    const db = database().db;
    const pick = async (role: string) => {
      const [row] = rowsOf<{ id: number }>(await db.execute(sql`select id from users where role = ${role} and is_active order by id limit 1`));
      return (await loadActiveUser(db, Number(row!.id)))!;
    };
    [executive, admin, head, manager] = await Promise.all([pick('executive'), pick('admin'), pick('head'), pick('manager')]);
    const ids = rowsOf<{ id: number }>(await db.execute(sql`select id from pipelines where not is_archived order by sort_order, id`));
    for (const { id } of ids) {
      const stages = rowsOf<{ id: number; kind: string; sort_order: number }>(
        await db.execute(sql`select id, kind, sort_order from stages where pipeline_id = ${id} and (kind <> 'open' or not is_archived) order by sort_order`),
      );
      pipelines.push({ id: Number(id), stages: stages.map((s) => ({ ...s, id: Number(s.id), sort_order: Number(s.sort_order) })) });
    }
  }, 300_000);

  const ctx = (actor: SessionUser, db: Database = database().db) => ({ db, actor });

  /**
   * Written from the definition, not from the service: how far a deal got is read from its stage
   * history (the furthest open stage it ever entered), not from deals.furthest_stage_order.
   */
  async function expectedFunnel(db: Database, scope: Scope, byOwner: boolean): Promise<Map<number | null, Expected>> {
    const owners = scope.ownerIds ? sql`and d.owner_id in (${sql.join(scope.ownerIds.length ? scope.ownerIds.map((id) => sql`${id}`) : [sql`0`], sql`, `)})` : sql``;
    const source = scope.sourceId ? sql`and d.source_id = ${scope.sourceId}` : sql``;
    const ownerKey = byOwner ? sql`c.owner_id` : sql`null::int`;
    const rows = rowsOf<{ owner_id: number | null; stage_id: number | null; deals: number; amount: string }>(
      await db.execute(sql`
        with cohort as (
          select d.id, d.owner_id, d.amount, d.status,
                 (select max(s.sort_order) from deal_stage_history h join stages s on s.id = h.to_stage_id
                   where h.deal_id = d.id and s.kind = 'open') as reached_order
          from deals d
          where d.pipeline_id = ${scope.pipelineId}
            and d.created_at >= ${moscowMidnight(scope.from)}::timestamptz and d.created_at < ${moscowMidnight(scope.to)}::timestamptz
            ${owners} ${source}
        )
        select ${ownerKey} as owner_id, s.id as stage_id, count(*)::int as deals, sum(c.amount)::numeric(16, 2)::text as amount
        from cohort c join stages s on s.pipeline_id = ${scope.pipelineId}
          and ((s.kind = 'open' and not s.is_archived and (c.status = 'won' or c.reached_order >= s.sort_order))
               or (s.kind <> 'open' and c.status = s.kind))
        group by 1, 2
        union all
        select ${ownerKey}, null, count(*)::int, sum(c.amount)::numeric(16, 2)::text from cohort c group by 1`),
    );
    const result = new Map<number | null, Expected>();
    for (const row of rows) {
      const key = row.owner_id === null ? null : Number(row.owner_id);
      if (!result.has(key)) result.set(key, { created: ZERO, stages: new Map() });
      const figure = { deals: Number(row.deals), amount: row.amount };
      if (row.stage_id === null) result.get(key)!.created = figure;
      else result.get(key)!.stages.set(Number(row.stage_id), figure);
    }
    return result;
  }

  /** Time in stage by a self-join to each history row's successor (no window functions). */
  async function expectedTimes(db: Database, scope: Scope) {
    const owners = scope.ownerIds ? sql`and d.owner_id in (${sql.join(scope.ownerIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
    const rows = rowsOf<{ stage_id: number; stays: number; avg_days: number; median_seconds: number }>(
      await db.execute(sql`
        select h.to_stage_id as stage_id, count(*)::int as stays,
               avg(extract(epoch from nx.at - h.changed_at) / 86400)::float8 as avg_days,
               percentile_disc(0.5) within group (order by extract(epoch from nx.at - h.changed_at))::float8 as median_seconds
        from deal_stage_history h
        join deals d on d.id = h.deal_id
        join lateral (
          select h2.changed_at as at from deal_stage_history h2
          where h2.deal_id = h.deal_id and (h2.changed_at, h2.id) > (h.changed_at, h.id)
          order by h2.changed_at, h2.id limit 1
        ) nx on true
        where d.pipeline_id = ${scope.pipelineId}
          and d.created_at >= ${moscowMidnight(scope.from)}::timestamptz and d.created_at < ${moscowMidnight(scope.to)}::timestamptz
          ${owners}
        group by h.to_stage_id`),
    );
    // The median is reported as the band holding the lower middle stay.
    const bandOf = (seconds: number) => STAY_BAND_EDGES.filter((edge) => seconds >= edge).length;
    return new Map(rows.map((r) => [Number(r.stage_id), { stays: Number(r.stays), avg: Number(r.avg_days), medianBand: bandOf(Number(r.median_seconds)) }]));
  }

  function expectSeries(series: FunnelSeries, expected: Expected | undefined, lostStageId: number, label: string) {
    const want = expected ?? { created: ZERO, stages: new Map() };
    expect({ label, created: series.created, amount: series.createdAmount }).toEqual({ label, created: want.created.deals, amount: want.created.amount });
    for (const step of series.steps) {
      const figure = want.stages.get(step.stageId) ?? ZERO;
      expect({ label, stage: step.stageId, deals: step.deals, amount: step.amount }).toEqual({ label, stage: step.stageId, deals: figure.deals, amount: figure.amount });
    }
    expect({ label, lost: series.lost }).toEqual({ label, lost: want.stages.get(lostStageId) ?? ZERO });
    // Conversions are the ratios of the counts just checked.
    const first = series.steps[0]!.deals;
    series.steps.forEach((step, i) => {
      const next = series.steps[i + 1];
      expect(step.stepConversion).toBe(next === undefined ? null : step.deals === 0 ? 0 : next.deals / step.deals);
      expect(step.fromFirst).toBe(first === 0 ? 0 : step.deals / first);
    });
  }

  function lostStageOf(report: DealFunnel) {
    return report.lostStage!.id;
  }

  it('has the cases the definition talks about: skipped stages, lost and won deals, in both pipelines', async () => {
    const [row] = rowsOf<{ skipped: number; lost: number; won: number; pipelines: number }>(
      await database().db.execute(sql`
        select (select count(distinct h.deal_id)::int from deal_stage_history h
                  join stages a on a.id = h.from_stage_id join stages b on b.id = h.to_stage_id
                 where b.kind = 'open' and b.sort_order > a.sort_order + 1) as skipped,
               (select count(*)::int from deals where status = 'lost') as lost,
               (select count(*)::int from deals where status = 'won') as won,
               (select count(distinct pipeline_id)::int from deals) as pipelines`),
    );
    expect(row!.skipped).toBeGreaterThan(0);
    expect(row!.lost).toBeGreaterThan(0);
    expect(row!.won).toBeGreaterThan(0);
    expect(pipelines.length).toBeGreaterThanOrEqual(2);
  });

  for (const filters of PERIODS) {
    it(`equals direct SQL for every stage, owner and the previous period: ${JSON.stringify(filters)}`, async () => {
      for (const pipeline of pipelines) {
        const report = await dealFunnel(ctx(executive), { ...filters, pipelineId: pipeline.id }, { now: NOW });
        expect(report.stages.map((s) => s.id)).toEqual(pipeline.stages.filter((s) => s.kind !== 'lost').map((s) => s.id));
        const scope = { pipelineId: pipeline.id, from: report.period.from, to: report.period.to };
        const total = await expectedFunnel(database().db, scope, false);
        expectSeries(report.total, total.get(null), lostStageOf(report), 'total');
        if (filters.period === 'year') expect(report.total.created).toBeGreaterThan(100);

        const perOwner = await expectedFunnel(database().db, scope, true);
        expect(report.managers.map((m) => m.ownerId).sort((a, b) => a - b)).toEqual([...perOwner.keys()].map(Number).sort((a, b) => a - b));
        for (const m of report.managers) expectSeries(m, perOwner.get(m.ownerId), lostStageOf(report), `owner ${m.ownerId}`);

        const previous = await expectedFunnel(database().db, { ...scope, ...report.period.previous }, false);
        expectSeries(report.previous, previous.get(null), lostStageOf(report), 'previous');

        const times = await expectedTimes(database().db, scope);
        for (const step of report.total.steps) {
          const want = times.get(step.stageId);
          expect({ stage: step.stageId, stays: step.stays }).toEqual({ stage: step.stageId, stays: want?.stays ?? 0 });
          if (want) {
            expect(step.avgDays).toBeCloseTo(want.avg, 6);
            expect({ stage: step.stageId, medianBand: step.medianBand }).toEqual({ stage: step.stageId, medianBand: want.medianBand });
          } else {
            expect(step.avgDays).toBeNull();
          }
        }
        for (const m of report.managers.slice(0, 3)) {
          const mine = await expectedTimes(database().db, { ...scope, ownerIds: [m.ownerId] });
          for (const step of m.steps) {
            expect(step.stays).toBe(mine.get(step.stageId)?.stays ?? 0);
            if (mine.has(step.stageId)) {
              expect(step.avgDays).toBeCloseTo(mine.get(step.stageId)!.avg, 6);
              expect(step.medianBand).toBe(mine.get(step.stageId)!.medianBand);
            }
          }
        }
      }
    });
  }

  it('defaults to the first active pipeline and narrows by source', async () => {
    const report = await dealFunnel(ctx(executive), { period: 'year' }, { now: NOW });
    expect(report.pipeline.id).toBe(pipelines[0]!.id);
    const [source] = rowsOf<{ source_id: number }>(
      await database().db.execute(sql`select source_id from deals where source_id is not null and pipeline_id = ${pipelines[0]!.id} group by 1 order by count(*) desc limit 1`),
    );
    const sourceId = Number(source!.source_id);
    const bySource = await dealFunnel(ctx(executive), { period: 'year', sourceId }, { now: NOW });
    const expected = await expectedFunnel(database().db, { pipelineId: pipelines[0]!.id, from: report.period.from, to: report.period.to, sourceId }, false);
    expect(bySource.total.created).toBeGreaterThan(0);
    expect(bySource.total.created).toBeLessThan(report.total.created);
    expectSeries(bySource.total, expected.get(null), lostStageOf(bySource), 'source');
  });

  it('an empty period gives zeros', async () => {
    const report = await dealFunnel(ctx(executive), { period: 'custom', from: '2001-01-01', to: '2001-02-01' }, { now: NOW });
    for (const series of [report.total, report.previous]) {
      expect(series.created).toBe(0);
      expect(series.createdAmount).toBe('0.00');
      expect(series.lost).toEqual(ZERO);
      for (const step of series.steps) {
        expect(step).toMatchObject({ deals: 0, amount: '0.00', fromFirst: 0, lostHere: 0, stays: 0, avgDays: null });
        expect(step.stepConversion === null || step.stepConversion === 0).toBe(true);
      }
    }
    expect(report.managers).toEqual([]);
  });

  it('counts a deal created exactly at the period start, and not one created exactly at its end', async () => {
    await inRollback(database().db, async (tx) => {
      const filters: ReportFiltersInput = { period: 'custom', from: '2026-10-01', to: '2026-11-01' };
      const before = await dealFunnel(ctx(executive, tx), filters, { now: NOW });
      const pipeline = pipelines[0]!;
      const first = pipeline.stages[0]!;
      for (const [title, at] of [
        ['at start', moscowMidnight('2026-10-01')],
        ['at end', moscowMidnight('2026-11-01')],
        ['just before start', '2026-09-30T20:59:59.999+00:00'],
      ] as const) {
        const [deal] = rowsOf<{ id: number }>(
          await tx.execute(sql`
            insert into deals (title, pipeline_id, stage_id, owner_id, amount, furthest_stage_order, created_at, updated_at, stage_entered_at)
            values (${title}, ${pipeline.id}, ${first.id}, ${manager.id}, 1000.50, ${first.sort_order}, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz)
            returning id`),
        );
        await tx.execute(sql`insert into deal_stage_history (deal_id, to_stage_id, changed_at) values (${deal!.id}, ${first.id}, ${at}::timestamptz)`);
      }
      const after = await dealFunnel(ctx(executive, tx), filters, { now: NOW });
      expect(after.total.created).toBe(before.total.created + 1);
      expect(Number(after.total.createdAmount)).toBeCloseTo(Number(before.total.createdAmount) + 1000.5, 2);
      expect(after.total.steps[0]!.deals).toBe(before.total.steps[0]!.deals + 1);
      expect(after.total.steps[1]!.deals).toBe(before.total.steps[1]!.deals);
      // The one just before the start belongs to the previous period (September 2026).
      expect(after.previous.created).toBe(before.previous.created + 1);
      const expected = await expectedFunnel(tx, { pipelineId: pipeline.id, from: '2026-10-01', to: '2026-11-01' }, false);
      expectSeries(after.total, expected.get(null), lostStageOf(after), 'borders');
    });
  });

  it('a reopened deal keeps the stages it reached and leaves the lost count', async () => {
    await inRollback(database().db, async (tx) => {
      const pipeline = pipelines[0]!;
      const firstOrder = pipeline.stages[0]!.sort_order;
      const [lost] = rowsOf<{ id: number; version: number; furthest: number; created: string }>(
        await tx.execute(sql`
          select id, version, furthest_stage_order as furthest, to_char(created_at at time zone 'Europe/Moscow', 'YYYY-MM-DD') as created
          from deals where status = 'lost' and pipeline_id = ${pipeline.id} and furthest_stage_order > ${firstOrder}
            and created_at >= ${moscowMidnight('2026-01-01')}::timestamptz
          order by id limit 1`),
      );
      expect(lost).toBeDefined();
      const filters: ReportFiltersInput = { period: 'year', pipelineId: pipeline.id };
      const before = await dealFunnel(ctx(executive, tx), filters, { now: NOW });
      await reopenDeal(ctx(admin, tx), { id: Number(lost!.id), version: Number(lost!.version), stageId: pipeline.stages[0]!.id });
      const after = await dealFunnel(ctx(executive, tx), filters, { now: NOW });
      expect(after.total.lost.deals).toBe(before.total.lost.deals - 1);
      expect(after.total.steps.map((s) => s.deals)).toEqual(before.total.steps.map((s) => s.deals));
      const reachedIndex = after.stages.findIndex((s) => s.sortOrder === Number(lost!.furthest));
      expect(after.total.steps[reachedIndex]!.lostHere).toBe(before.total.steps[reachedIndex]!.lostHere - 1);
      const expected = await expectedFunnel(tx, { pipelineId: pipeline.id, from: after.period.from, to: after.period.to }, false);
      expectSeries(after.total, expected.get(null), lostStageOf(after), 'reopened');
    });
  });

  it('gives a head only the own team and refuses other teams and managers', async () => {
    const team = rowsOf<{ id: number }>(await database().db.execute(sql`select id from users where team_id = ${head.teamId}`)).map((r) => Number(r.id));
    const report = await dealFunnel(ctx(head), { period: 'year' }, { now: NOW });
    expect(report.total.created).toBeGreaterThan(0);
    for (const m of report.managers) expect(team).toContain(m.ownerId);
    const expected = await expectedFunnel(database().db, { pipelineId: report.pipeline.id, from: report.period.from, to: report.period.to, ownerIds: team }, false);
    expectSeries(report.total, expected.get(null), lostStageOf(report), 'head');
    const everyone = await dealFunnel(ctx(executive), { period: 'year' }, { now: NOW });
    expect(report.total.created).toBeLessThan(everyone.total.created);
    // An executive asking for that team sees the same figures.
    expect((await dealFunnel(ctx(executive), { period: 'year', teamId: head.teamId! }, { now: NOW })).total).toEqual(report.total);

    const [other] = rowsOf<{ id: number }>(await database().db.execute(sql`select id from teams where id <> ${head.teamId} limit 1`));
    await expect(dealFunnel(ctx(head), { period: 'year', teamId: Number(other!.id) }, { now: NOW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(dealFunnel(ctx(manager), { period: 'year' }, { now: NOW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(pipelineSnapshot(ctx(manager), {}, { now: NOW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('narrows to one manager: the figures equal that manager\'s column, and a head gets nothing outside the team', async () => {
    const everyone = await dealFunnel(ctx(executive), { period: 'year' }, { now: NOW });
    const column = everyone.managers[0]!;
    const one = await dealFunnel(ctx(executive), { period: 'year', ownerId: column.ownerId }, { now: NOW });
    const { ownerId: _id, name: _name, ...figures } = column;
    expect(one.total).toEqual(figures);
    expect(one.managers.map((m) => m.ownerId)).toEqual([column.ownerId]);
    const [outsider] = rowsOf<{ id: number }>(
      await database().db.execute(sql`select d.owner_id as id from deals d join users u on u.id = d.owner_id where u.team_id is distinct from ${head.teamId} limit 1`),
    );
    const none = await dealFunnel(ctx(head), { period: 'year', ownerId: Number(outsider!.id) }, { now: NOW });
    expect(none.total.created).toBe(0);
    expect(none.managers).toEqual([]);
  });

  it('the router lets heads, executives and admins in, keeps managers out and checks the filters', async () => {
    const caller = (user: SessionUser) => createCallerFactory(analyticsFunnelRouter)({ db: database().db, user });
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: unknown) => (error instanceof TRPCError ? error.code : Promise.reject(error)));
    expect((await caller(admin).funnel({ period: 'year' })).pipeline.id).toBe(pipelines[0]!.id);
    expect((await caller(head).snapshot({})).stages.length).toBeGreaterThan(0);
    expect(await codeOf(caller(executive).funnel({ period: 'custom', from: '2026-02-01', to: '2026-01-01' }))).toBe('BAD_REQUEST');
    expect(await codeOf(caller(executive).funnel({ pipelineId: 999_999 }))).toBe('NOT_FOUND');
    expect(await codeOf(caller(manager).funnel({}))).toBe('FORBIDDEN');
    expect(await codeOf(caller(manager).snapshot({}))).toBe('FORBIDDEN');
  });

  /** Open deals per stage, straight from the rows. */
  async function expectedSnapshot(pipelineId: number, ownerIds?: number[]) {
    const owners = ownerIds ? sql`and d.owner_id in (${sql.join(ownerIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
    const rows = rowsOf<{ stage_id: number; deals: number; amount: string; weighted: string; age: number }>(
      await database().db.execute(sql`
        select d.stage_id, count(*)::int as deals, sum(d.amount)::text as amount,
               round(sum(d.amount) * max(s.probability) / 100.0, 2)::text as weighted,
               avg(extract(epoch from ${NOW.toISOString()}::timestamptz - d.stage_entered_at) / 86400)::float8 as age
        from deals d join stages s on s.id = d.stage_id
        where d.pipeline_id = ${pipelineId} and d.status = 'open' ${owners}
        group by d.stage_id`),
    );
    return new Map(rows.map((r) => [Number(r.stage_id), r]));
  }

  it('the pipeline snapshot equals direct SQL per stage, org-wide and for a head', async () => {
    for (const pipeline of pipelines) {
      const snapshot = await pipelineSnapshot(ctx(executive), { pipelineId: pipeline.id }, { now: NOW });
      const expected = await expectedSnapshot(pipeline.id);
      expect(snapshot.stages.map((s) => s.stageId)).toEqual(pipeline.stages.filter((s) => s.kind === 'open').map((s) => s.id));
      expect(snapshot.total.deals).toBeGreaterThan(0);
      let deals = 0;
      for (const stage of snapshot.stages) {
        const want = expected.get(stage.stageId);
        expect({ stage: stage.stageId, deals: stage.deals, amount: stage.amount, weighted: stage.weightedAmount }).toEqual({
          stage: stage.stageId,
          deals: want?.deals ?? 0,
          amount: want?.amount ?? '0.00',
          weighted: want?.weighted ?? '0.00',
        });
        if (want) expect(stage.avgAgeDays).toBeCloseTo(Number(want.age), 6);
        deals += stage.deals;
      }
      expect(snapshot.total.deals).toBe(deals);
      const [open] = rowsOf<{ n: number; amount: string }>(
        await database().db.execute(sql`select count(*)::int as n, sum(amount)::text as amount from deals where status = 'open' and pipeline_id = ${pipeline.id}`),
      );
      expect(snapshot.total.deals).toBe(Number(open!.n));
      expect(snapshot.total.amount).toBe(open!.amount);
    }
    const team = rowsOf<{ id: number }>(await database().db.execute(sql`select id from users where team_id = ${head.teamId}`)).map((r) => Number(r.id));
    const mine = await pipelineSnapshot(ctx(head), {}, { now: NOW });
    const expected = await expectedSnapshot(mine.pipeline.id, team);
    for (const stage of mine.stages) expect(stage.deals).toBe(expected.get(stage.stageId)?.deals ?? 0);
  });
});
