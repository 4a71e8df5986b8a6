import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import type { ServiceContext } from '../context';
import { inReportTransaction } from './report-transaction';
import { reportFilters, type ReportFiltersInput } from './report-filters';
import { dealFilterCondition, reportPipeline } from './report-pipeline';
import { coversEveryOwner, reportOwnerCondition } from './report-scope';

export interface SnapshotStage {
  stageId: number;
  name: string;
  probability: number;
  deals: number;
  amount: string;
  /** amount × stage probability / 100, rounded to kopecks. */
  weightedAmount: string;
  /** Average of (now − stage_entered_at) in days; null when the stage is empty. */
  avgAgeDays: number | null;
}

export interface PipelineSnapshot {
  at: string;
  pipeline: { id: number; name: string };
  stages: SnapshotStage[];
  total: { deals: number; amount: string; weightedAmount: string };
}

/**
 * Open deals of one pipeline per stage right now (DESIGN.md §5). The period filter does not apply:
 * a snapshot is of the present. Reads the partial index on open deals by (pipeline, stage).
 */
export async function pipelineSnapshot(ctx: ServiceContext, rawFilters: ReportFiltersInput, options: { now?: Date } = {}): Promise<PipelineSnapshot> {
  const filters = reportFilters.parse(rawFilters);
  const owners = reportOwnerCondition(ctx.actor, filters, sql`deals.owner_id`);
  const now = (options.now ?? new Date()).toISOString();
  return inReportTransaction(ctx, async ({ db: tx }) => {
    const pipeline = await reportPipeline(tx, filters.pipelineId);
    // For a few owners, naming the open stages lets the (pipeline, stage, owner) index be probed
    // per stage and owner instead of read through the whole pipeline; for everyone, it only costs.
    const ownerStages = coversEveryOwner(ctx.actor, filters)
      ? sql``
      : sql` and deals.stage_id = any(array(select id from stages where pipeline_id = ${pipeline.id} and kind = 'open'))`;
    // Open stages in order; an archived stage shows only while deals still sit in it. Totals are
    // window sums over the same rows, so they equal the sum of the (rounded) stage figures.
    const rows = rowsOf<{ id: number; name: string; probability: number; deals: number; amount: string; weighted: string; avg_age_days: number | null; total_deals: number; total_amount: string; total_weighted: string }>(
      await tx.execute(sql`
        with per_stage as (
          select deals.stage_id, count(*)::int as deals, sum(deals.amount) as amount,
                 avg(extract(epoch from ${now}::timestamptz - deals.stage_entered_at)) / 86400 as age
          from deals
          where deals.status = 'open' and ${dealFilterCondition(pipeline.id, filters.sourceId)} and ${owners}${ownerStages}
          group by deals.stage_id
        ),
        figures as (
          select s.id, s.name, s.probability, s.sort_order, coalesce(p.deals, 0) as deals,
                 coalesce(p.amount, 0)::numeric(16, 2) as amount,
                 round(coalesce(p.amount, 0) * s.probability / 100, 2)::numeric(16, 2) as weighted,
                 p.age::float8 as avg_age_days
          from stages s left join per_stage p on p.stage_id = s.id
          where s.pipeline_id = ${pipeline.id} and s.kind = 'open' and (not s.is_archived or p.stage_id is not null)
        )
        select id, name, probability, deals, amount::text, weighted::text, avg_age_days,
               (sum(deals) over ())::int as total_deals, (sum(amount) over ())::numeric(16, 2)::text as total_amount,
               (sum(weighted) over ())::numeric(16, 2)::text as total_weighted
        from figures order by sort_order, id`),
    );
    const stages: SnapshotStage[] = rows.map((r) => ({
      stageId: Number(r.id),
      name: r.name,
      probability: Number(r.probability),
      deals: Number(r.deals),
      amount: r.amount,
      weightedAmount: r.weighted,
      avgAgeDays: r.avg_age_days === null ? null : Number(r.avg_age_days),
    }));
    const first = rows[0];
    return {
      at: now,
      pipeline: { id: pipeline.id, name: pipeline.name },
      stages,
      total: { deals: first ? Number(first.total_deals) : 0, amount: first?.total_amount ?? '0.00', weightedAmount: first?.total_weighted ?? '0.00' },
    };
  });
}
