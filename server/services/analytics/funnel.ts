import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import type { ServiceContext } from '../context';
import { inReportParts } from './report-transaction';
import { organisationDay } from '../today/org-day';
import { stageCounts, stageTimes, type StageCountRow, type StageTimeRow } from './funnel-queries';
import { reportFilters, resolvePeriod, type ReportFiltersInput, type ReportPeriod } from './report-filters';
import { dealFilterCondition, reportPipeline, type ReportStage } from './report-pipeline';
import { reportOwnerCondition } from './report-scope';
import { coversWholeMonths } from './sales-report-base';

export interface FunnelStep {
  stageId: number;
  /** Deals of the cohort that reached this stage or a later one. */
  deals: number;
  amount: string;
  /** deals at the next step / deals here; null on the last step (won), 0 when nothing reached this one. */
  stepConversion: number | null;
  /** deals here / deals at the first step (0 when the cohort is empty). */
  fromFirst: number;
  /** Lost deals whose furthest stage was this one (open stages only). */
  lostHere: number;
  lostHereAmount: string;
  /** Completed stays in this stage (entered → left): their average in days, and the length band of the median; null when there were none. */
  stays: number;
  avgDays: number | null;
  medianBand: number | null;
}

export interface FunnelSeries {
  created: number;
  createdAmount: string;
  steps: FunnelStep[];
  lost: { deals: number; amount: string };
}

export interface DealFunnel {
  period: ReportPeriod;
  pipeline: { id: number; name: string };
  /** The funnel's steps: open stages in order, then won. */
  stages: Pick<ReportStage, 'id' | 'name' | 'kind' | 'sortOrder'>[];
  lostStage: Pick<ReportStage, 'id' | 'name'> | null;
  total: FunnelSeries;
  /** The same funnel per owner (side by side), for owners with deals in the cohort, by name. */
  managers: (FunnelSeries & { ownerId: number; name: string })[];
  /** The period before, for comparison (no stage times). */
  previous: FunnelSeries;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * The deal funnel (cohort) of DESIGN.md §5: deals created in the period, how far they got through
 * one pipeline, with conversions, amounts, time in stage, per manager and against the previous
 * period. All counting is SQL over indexed deal columns; Node only arranges the aggregates.
 */
export async function dealFunnel(ctx: ServiceContext, rawFilters: ReportFiltersInput, options: { now?: Date } = {}): Promise<DealFunnel> {
  const filters = reportFilters.parse(rawFilters);
  const owners = reportOwnerCondition(ctx.actor, filters, sql`deals.owner_id`);
  const day = await organisationDay(ctx.db, options.now ?? new Date());
  const period = resolvePeriod(filters, day.localDate);
  const pipeline = await reportPipeline(ctx.reportDb ?? ctx.db, filters.pipelineId);
  const where = sql`${dealFilterCondition(pipeline.id, filters.sourceId)} and ${owners}`;
  // The monthly summaries know no source: a source filter or a part month reads the deals.
  const fromSummary = filters.sourceId === undefined && coversWholeMonths(period, period.previous);
  const steps = pipeline.stages.filter((s) => s.kind !== 'lost');
  const lostStage = pipeline.stages.find((s) => s.kind === 'lost') ?? null;
  // Counted per step: the funnel's steps, then the lost stage (its deals: lost in the cohort).
  const countedSteps = lostStage ? [...steps, lostStage] : steps;
  // The counts (with the names of the owners they find) and the stage times at once (inReportParts).
  const { counted, times } = await inReportParts(ctx, {
    counted: async ({ db: tx }) => {
      const counts = await stageCounts(tx, { steps: countedSteps, where, period, previous: period.previous, fromSummary });
      const ownerIds = counts.filter((r) => r.current && r.owner_id !== null).map((r) => r.owner_id!);
      return { counts, ownerIds, names: await ownerNames(tx, ownerIds) };
    },
    times: ({ db: tx }) => stageTimes(tx, { where, period, fromSummary }),
  });
  const { counts, ownerIds, names } = counted;

  const countsBy = new Map(counts.map((r) => [`${r.current}:${r.owner_id}`, r]));
  // Stage times grouped once by owner: a funnel per manager must not rescan every row.
  const timesBy = groupRows(times, (t) => t.owner_id);
  const series = (current: boolean, ownerId: number | null) =>
    buildSeries(steps, countsBy.get(`${current}:${ownerId}`), current ? (timesBy.get(ownerId) ?? []) : []);
  const managers = ownerIds
    .map((ownerId) => ({ ownerId, name: names.get(ownerId) ?? '', ...series(true, ownerId) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.ownerId - b.ownerId);

  return {
    period,
    pipeline: { id: pipeline.id, name: pipeline.name },
    stages: steps.map(({ id, name, kind, sortOrder }) => ({ id, name, kind, sortOrder })),
    lostStage: lostStage && { id: lostStage.id, name: lostStage.name },
    total: series(true, null),
    managers,
    previous: series(false, null),
  };
}

/** One funnel from its counts row (arrays by step, the lost stage last when there is one) and its stage times. */
function buildSeries(steps: ReportStage[], counts: StageCountRow | undefined, times: StageTimeRow[]): FunnelSeries {
  const deals = (i: number) => counts?.deals[i] ?? 0;
  const first = deals(0);
  return {
    created: counts?.created ?? 0,
    createdAmount: counts?.created_amount ?? '0.00',
    steps: steps.map((stage, i) => {
      const here = deals(i);
      const time = times.find((t) => t.stage_id === stage.id);
      return {
        stageId: stage.id,
        deals: here,
        amount: counts?.amounts[i] ?? '0.00',
        stepConversion: i === steps.length - 1 ? null : ratio(deals(i + 1), here),
        fromFirst: ratio(here, first),
        lostHere: counts?.lost_here[i] ?? 0,
        lostHereAmount: counts?.lost_here_amounts[i] ?? '0.00',
        stays: time?.stays ?? 0,
        avgDays: time?.avg_days ?? null,
        medianBand: time?.median_band ?? null,
      };
    }),
    // The lost stage, when the pipeline has one, is counted after the steps.
    lost: { deals: counts?.deals[steps.length] ?? 0, amount: counts?.amounts[steps.length] ?? '0.00' },
  };
}

function groupRows<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

async function ownerNames(db: ServiceContext['db'], ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = rowsOf<{ id: number; name: string }>(
    await db.execute(sql`select id, name from users where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`),
  );
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}
