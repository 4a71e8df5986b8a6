import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import type { ServiceContext } from '../context';
import { lostFromStage } from '../deals/lost-from-stage';
import type { DateRange, ReportFiltersInput, ReportPeriod } from './report-filters';
import { coversWholeMonths, inRange, inReportTransaction, prepareSalesReport, ratio, type SalesReportBase } from './sales-report-base';

export interface LossFigures {
  count: number;
  amount: string;
  /** Share of all deals lost in the period (by count); null when none were lost. */
  share: number | null;
}

export interface LossStage {
  /** The stage the deal was in before it moved to lost; null when the history does not say. */
  stageId: number | null;
  name: string | null;
  pipelineId: number | null;
  pipelineName: string | null;
  sortOrder: number | null;
}

export interface LossReasonsReport {
  period: ReportPeriod;
  totals: { count: number; amount: string };
  previous: { count: number; amount: string };
  byReason: (LossFigures & { reasonId: number; code: string; nameRu: string; nameEn: string })[];
  byStage: (LossFigures & LossStage)[];
  /** Reason × stage cells (only those with lost deals). */
  byReasonAndStage: (LossFigures & { reasonId: number; stageId: number | null })[];
}

interface Row {
  g: number;
  loss_reason_id: number | null;
  from_stage_id: number | null;
  count: number;
  amount: string;
  code: string | null;
  reason_ru: string | null;
  reason_en: string | null;
  stage_name: string | null;
  pipeline_id: number | null;
  pipeline_name: string | null;
  sort_order: number | null;
}

// grouping() bits: (reason, stage), 0 = grouped by it.
const SET = { total: 0b11, reason: 0b01, stage: 0b10, both: 0b00 };

/**
 * Deals lost in the range, grouped by reason, by the stage they were lost from and both. For the
 * whole organisation over whole months this reads the monthly summary deal_loss_monthly (aliased
 * as deals, whose pipeline and source columns it shares); otherwise an index-only read of the
 * partial index deals_lost_idx (or deals_owner_lost_idx for a team), the stage lost from being
 * stored on the deal (deals.lost_from_stage_id).
 */
async function lossRows(ctx: ServiceContext, base: SalesReportBase, range: DateRange, grouped: boolean): Promise<Row[]> {
  const sets = grouped ? sql`grouping sets ((), (loss_reason_id), (from_stage_id), (loss_reason_id, from_stage_id))` : sql`grouping sets (())`;
  const lost =
    base.everyOwner && coversWholeMonths(range)
      ? sql`
        select deals.amount, deals.lost as n, deals.loss_reason_id, deals.lost_from_stage_id as from_stage_id
        from deal_loss_monthly as deals
        where deals.month >= ${range.from}::date and deals.month < ${range.to}::date and deals.lost <> 0 and ${base.dealWhere}`
      : sql`
        select deals.amount, 1 as n, deals.loss_reason_id, ${lostFromStage} as from_stage_id
        from deals
        where deals.status = 'lost' and ${inRange(base, sql`deals.closed_at`, range)} and ${base.dealWhere}`;
  return rowsOf<Row>(
    await ctx.db.execute(sql`
      with lost as (${lost}),
      agg as (
        select ${grouped ? sql`grouping(loss_reason_id, from_stage_id)::int as g, loss_reason_id, from_stage_id` : sql`${sql.raw(String(SET.total))} as g, null::int as loss_reason_id, null::int as from_stage_id`},
               coalesce(sum(n), 0)::int as count, coalesce(sum(amount), 0::numeric(14,2))::text as amount
        from lost group by ${sets}
      )
      select agg.*, r.code, r.name_ru as reason_ru, r.name_en as reason_en,
             s.name as stage_name, s.pipeline_id, p.name as pipeline_name, s.sort_order
      from agg
      left join loss_reasons r on r.id = agg.loss_reason_id
      left join stages s on s.id = agg.from_stage_id
      left join pipelines p on p.id = s.pipeline_id`),
  );
}


/** Loss reasons report (DESIGN.md §5): deals lost in the period, count and amount per reason and per stage. */
export async function lossReasonsReport(ctx: ServiceContext, filters: ReportFiltersInput, options: { now?: Date } = {}): Promise<LossReasonsReport> {
  const base = await prepareSalesReport(ctx, filters, options.now);
  const [rows, previousRows] = await inReportTransaction(ctx, async (tx) => [
    await lossRows(tx, base, base.period, true),
    await lossRows(tx, base, base.period.previous, false),
  ]);
  const total = rows.find((r) => r.g === SET.total);
  const totals = { count: total?.count ?? 0, amount: total?.amount ?? '0.00' };
  const prev = previousRows[0];
  const figures = (r: Row): LossFigures => ({ count: r.count, amount: r.amount, share: ratio(r.count, totals.count) });
  const of = (set: number) => rows.filter((r) => r.g === set && r.count > 0);
  return {
    period: base.period,
    totals,
    previous: { count: prev?.count ?? 0, amount: prev?.amount ?? '0.00' },
    byReason: of(SET.reason)
      .map((r) => ({ reasonId: r.loss_reason_id!, code: r.code ?? '', nameRu: r.reason_ru ?? '', nameEn: r.reason_en ?? '', ...figures(r) }))
      .sort((a, b) => b.count - a.count || a.reasonId - b.reasonId),
    byStage: of(SET.stage)
      .map((r) => ({
        stageId: r.from_stage_id,
        name: r.stage_name,
        pipelineId: r.pipeline_id,
        pipelineName: r.pipeline_name,
        sortOrder: r.sort_order,
        ...figures(r),
      }))
      .sort((a, b) => (a.pipelineId ?? Infinity) - (b.pipelineId ?? Infinity) || (a.sortOrder ?? Infinity) - (b.sortOrder ?? Infinity)),
    byReasonAndStage: of(SET.both)
      .map((r) => ({ reasonId: r.loss_reason_id!, stageId: r.from_stage_id, ...figures(r) }))
      .sort((a, b) => a.reasonId - b.reasonId || (a.stageId ?? Infinity) - (b.stageId ?? Infinity)),
  };
}
