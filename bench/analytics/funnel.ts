import { sql } from 'drizzle-orm';
import { dealFunnel } from '@/server/services/analytics/funnel';
import { pipelineSnapshot } from '@/server/services/analytics/pipeline-snapshot';
import type { ReportBenchCase } from './case';
import { DEFAULT_PIPELINE, instants, ownedBy } from './scope-sql';

/**
 * By hand: the cohort per (period, owner, status, furthest stage) against the stages, and the
 * completed stays of the current cohort with their average and median per stage and owner.
 */
export const funnelCase: ReportBenchCase = {
  report: 'funnel',
  run: (ctx, filters) => dealFunnel(ctx, filters),
  handWritten(scope) {
    const at = instants(scope);
    const owners = ownedBy(scope, 'd.owner_id');
    return [
      sql`
        with b as (
          select d.created_at >= ${at.from} as cur, d.owner_id, d.status, d.furthest_stage_order as furthest, count(*) as n, sum(d.amount) as amount
          from deals d
          where d.pipeline_id = ${DEFAULT_PIPELINE} and d.created_at >= ${at.previousFrom} and d.created_at < ${at.to} and ${owners}
          group by 1, 2, 3, 4
        )
        select b.cur, b.owner_id, s.id, sum(b.n), sum(b.amount)
        from b join stages s on s.pipeline_id = ${DEFAULT_PIPELINE}
         and (s.kind = 'open' and (b.status = 'won' or b.furthest >= s.sort_order) or s.kind = b.status)
        group by grouping sets ((b.cur, s.id), (b.cur, b.owner_id, s.id))`,
      sql`
        select d.owner_id, h.to_stage_id, count(*), avg(h.left_at - h.changed_at),
               percentile_cont(0.5) within group (order by extract(epoch from h.left_at - h.changed_at))
        from deals d join deal_stage_history h on h.deal_id = d.id
        where d.pipeline_id = ${DEFAULT_PIPELINE} and d.created_at >= ${at.from} and d.created_at < ${at.to} and ${owners}
          and h.left_at is not null
        group by grouping sets ((h.to_stage_id), (d.owner_id, h.to_stage_id))`,
    ];
  },
};

/** By hand: open deals of the pipeline per stage, with amount, weighted amount and age. */
export const snapshotCase: ReportBenchCase = {
  report: 'snapshot',
  run: (ctx, filters) => pipelineSnapshot(ctx, filters),
  handWritten(scope) {
    return [
      sql`
        select s.id, count(d.id), coalesce(sum(d.amount), 0), round(coalesce(sum(d.amount), 0) * s.probability / 100, 2),
               avg(extract(epoch from now() - d.stage_entered_at)) / 86400
        from stages s left join deals d on d.stage_id = s.id and d.status = 'open' and ${ownedBy(scope, 'd.owner_id')}
        where s.pipeline_id = ${DEFAULT_PIPELINE} and s.kind = 'open'
        group by s.id`,
    ];
  },
};
