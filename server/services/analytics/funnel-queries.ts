import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import type { DateRange } from './report-filters';
import { orgDayStart } from './report-scope';
import { STAY_BAND_COLUMNS } from '@/lib/analytics/stay-bands';

/** The funnel of one period and owner (null = everyone): arrays follow the steps given to stageCounts. */
export interface StageCountRow {
  current: boolean;
  owner_id: number | null;
  /** Every deal of the cohort. */
  created: number;
  created_amount: string;
  /** Deals (and their amount) that reached each step. */
  deals: number[];
  amounts: string[];
  /** Lost deals whose furthest stage was each step (0 for won and lost steps). */
  lost_here: number[];
  lost_here_amounts: string[];
}

/** A step of the funnel as stageCounts needs it: open stages by sort order, then won and lost. */
export interface CountedStep {
  kind: 'open' | 'won' | 'lost';
  sortOrder: number;
}

/**
 * Funnel counts of the current and the previous period in one pass over the cohort: the deals are
 * first folded into (period, owner, status, furthest stage) buckets, a few thousand rows even for
 * a million deals, then each (period, owner) sums its buckets once per step, written out as one
 * filtered sum per step (the steps are few and known), so the buckets are read once rather than
 * crossed with the stages. A deal reached an open stage when its stored furthest stage is at or
 * past it (skipped stages count as passed) or when it is won (a won deal passed every open stage);
 * lost deals count for the stages they reached. Whole-month periods read the buckets of each month
 * from deal_cohort_monthly (aliased as deals, whose pipeline and owner columns it shares; it has no
 * source, so a source filter reads the deals). The previous period is compared in totals only, so
 * its buckets drop the owner.
 */
export async function stageCounts(
  db: Database,
  input: { steps: CountedStep[]; where: SQL; period: DateRange; previous: DateRange; fromSummary: boolean },
): Promise<StageCountRow[]> {
  const buckets = input.fromSummary
    ? sql`
        select deals.month >= ${input.period.from}::date as current,
               case when deals.month >= ${input.period.from}::date then deals.owner_id end as owner_id, deals.status,
               deals.furthest_stage_order as furthest, sum(deals.deals)::int as n, sum(deals.amount) as amount
        from deal_cohort_monthly deals
        where deals.month >= ${input.previous.from}::date and deals.month < ${input.period.to}::date and ${input.where}
        group by 1, 2, 3, 4`
    : sql`
        select deals.created_at >= ${orgDayStart(input.period.from)} as current,
               case when deals.created_at >= ${orgDayStart(input.period.from)} then deals.owner_id end as owner_id, deals.status,
               deals.furthest_stage_order as furthest, count(*)::int as n, sum(deals.amount) as amount
        from deals
        where deals.created_at >= ${orgDayStart(input.previous.from)} and deals.created_at < ${orgDayStart(input.period.to)}
          and ${input.where}
        group by 1, 2, 3, 4`;
  const reached = input.steps.map((step) =>
    step.kind === 'open' ? `b.status = 'won' or b.furthest >= ${Math.trunc(step.sortOrder)}` : `b.status = '${step.kind}'`,
  );
  const lostHere = input.steps.map((step) => (step.kind === 'open' ? `b.status = 'lost' and b.furthest = ${Math.trunc(step.sortOrder)}` : 'false'));
  const perStep = (column: string, conditions: string[], type: string) =>
    `array[${conditions.map((condition) => `coalesce(sum(${column}) filter (where ${condition}), 0)`).join(', ')}]::${type}`;
  const rows = rowsOf<StageCountRow>(
    await db.execute(sql`
      with buckets as (${buckets})
      select b.current, b.owner_id, coalesce(sum(b.n), 0)::int as created, coalesce(sum(b.amount), 0)::numeric(16, 2)::text as created_amount,
             ${sql.raw(perStep('b.n', reached, 'int[]'))} as deals,
             ${sql.raw(perStep('b.amount', reached, 'numeric(16, 2)[]::text[]'))} as amounts,
             ${sql.raw(perStep('b.n', lostHere, 'int[]'))} as lost_here,
             ${sql.raw(perStep('b.amount', lostHere, 'numeric(16, 2)[]::text[]'))} as lost_here_amounts
      from buckets b
      group by grouping sets ((b.current), (b.current, b.owner_id))
      having b.current or grouping(b.owner_id) = 1`),
  );
  // postgres-js and PGlite agree on int, text and their arrays; the totals have a null owner.
  return rows.map((r) => ({ ...r, owner_id: r.owner_id === null ? null : Number(r.owner_id) }));
}

export interface StageTimeRow {
  owner_id: number | null;
  stage_id: number;
  stays: number;
  avg_days: number | null;
  /** The length band (lib/analytics/stay-bands.ts) of the median stay (the lower middle one); null without stays. */
  median_band: number | null;
}

/**
 * The band holding the lower middle stay: the first band whose running count reaches half the
 * stays, written out as one CASE over running sums (a plain expression per cell; unnesting the
 * bands into rows per cell cost more than the aggregation).
 */
const MEDIAN_BAND = sql.raw(
  `case when c.stays > 0 then case ${STAY_BAND_COLUMNS.map(
    (_, band) => `when 2 * (${STAY_BAND_COLUMNS.slice(0, band + 1).map((__, i) => `c.band_${i}`).join(' + ')}) >= c.stays then ${band}`,
  ).join(' ')} end end`,
);

/**
 * Time in each stage for the current cohort: a stay runs from a history row (entering the stage)
 * to the deal's next history row (leaving it), stored as left_at; the stay still going on has no
 * end and is left out, and a skipped stage has no stay at all. Reopened deals may stay in a stage
 * twice: both count. Stays are counted per length band, so the median is reported as its band,
 * exact for any period: whole months read the monthly summary stage_stay_monthly (aliased as
 * deals, whose pipeline and owner columns it shares; it has no source, so a source filter reads
 * the history itself), other periods read the history.
 */
export async function stageTimes(db: Database, input: { where: SQL; period: DateRange; fromSummary: boolean }): Promise<StageTimeRow[]> {
  const cells = input.fromSummary
    ? sql`
        select deals.owner_id, deals.stage_id, sum(deals.stays)::int as stays, sum(deals.seconds) as seconds,
               ${sql.raw(STAY_BAND_COLUMNS.map((column, band) => `sum(deals.${column})::int as band_${band}`).join(', '))}
        from stage_stay_monthly deals
        where deals.month >= ${input.period.from}::date and deals.month < ${input.period.to}::date and ${input.where}
        group by grouping sets ((deals.stage_id), (deals.owner_id, deals.stage_id))`
    : sql`
        select s.owner_id, s.stage_id, count(*)::int as stays, sum(s.seconds) as seconds,
               ${sql.raw(STAY_BAND_COLUMNS.map((_, band) => `(count(*) filter (where s.band = ${band}))::int as band_${band}`).join(', '))}
        from (
          select deals.owner_id, h.to_stage_id as stage_id, x.seconds, stage_stay_band(x.seconds) as band
          from deals join deal_stage_history h on h.deal_id = deals.id
          cross join lateral (select extract(epoch from h.left_at - h.changed_at) as seconds) x
          where deals.created_at >= ${orgDayStart(input.period.from)} and deals.created_at < ${orgDayStart(input.period.to)}
            and ${input.where} and h.left_at is not null
        ) s
        group by grouping sets ((s.stage_id), (s.owner_id, s.stage_id))`;
  const rows = rowsOf<StageTimeRow>(
    await db.execute(sql`
      with cells as (${cells})
      select c.owner_id, c.stage_id, c.stays, (c.seconds / nullif(c.stays, 0) / 86400)::float8 as avg_days, ${MEDIAN_BAND} as median_band
      from cells c`),
  );
  return rows.map((r) => ({
    owner_id: r.owner_id === null ? null : Number(r.owner_id),
    stage_id: Number(r.stage_id),
    stays: Number(r.stays),
    avg_days: r.avg_days === null ? null : Number(r.avg_days),
    median_band: r.median_band === null ? null : Number(r.median_band),
  }));
}
