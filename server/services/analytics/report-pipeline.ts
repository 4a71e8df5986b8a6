import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { ServiceError } from '../errors';

export interface ReportStage {
  id: number;
  name: string;
  sortOrder: number;
  kind: 'open' | 'won' | 'lost';
  probability: number;
}

export interface ReportPipeline {
  id: number;
  name: string;
  /** Open stages in order (archived ones left out), then won, then lost. */
  stages: ReportStage[];
}

/**
 * The one pipeline a funnel or snapshot is about: the asked one (archived allowed: its history
 * still matters), else the first non-archived pipeline by sort order, then id.
 */
export async function reportPipeline(db: Database, pipelineId: number | undefined): Promise<ReportPipeline> {
  // One round trip: the pipeline with its stages as a JSON array (reports pay per round trip).
  const [pipeline] = rowsOf<{ id: number; name: string; stages: { id: number; name: string; sort_order: number; kind: ReportStage['kind']; probability: number }[] }>(
    await db.execute(sql`
      select p.id, p.name, coalesce((
        select json_agg(json_build_object('id', s.id, 'name', s.name, 'sort_order', s.sort_order, 'kind', s.kind, 'probability', s.probability)
                        order by case s.kind when 'open' then 0 when 'won' then 1 else 2 end, s.sort_order, s.id)
        from stages s where s.pipeline_id = p.id and (s.kind <> 'open' or not s.is_archived)), '[]'::json) as stages
      from pipelines p
      where ${pipelineId !== undefined ? sql`p.id = ${pipelineId}` : sql`not p.is_archived`}
      order by p.sort_order, p.id limit 1`),
  );
  if (!pipeline) throw new ServiceError(pipelineId !== undefined ? 'NOT_FOUND' : 'BAD_REQUEST', pipelineId !== undefined ? 'pipelineId: no such pipeline' : 'There is no active pipeline');
  return {
    id: Number(pipeline.id),
    name: pipeline.name,
    stages: pipeline.stages.map((s) => ({ id: Number(s.id), name: s.name, sortOrder: Number(s.sort_order), kind: s.kind, probability: Number(s.probability) })),
  };
}

/** The deal filters every analytics query on deals shares besides the owner scope: pipeline and source. */
export function dealFilterCondition(pipelineId: number, sourceId: number | undefined) {
  return sourceId === undefined ? sql`deals.pipeline_id = ${pipelineId}` : sql`deals.pipeline_id = ${pipelineId} and deals.source_id = ${sourceId}`;
}
