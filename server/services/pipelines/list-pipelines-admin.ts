import { asc, eq, sql } from 'drizzle-orm';
import { deals, pipelines, stages } from '@/db/schema';
import type { ServiceContext } from '../context';
import { requirePipelineAdmin } from './require-admin';

/** Pipelines with their active stages, versions and how many deals sit in each stage (admin screen). */
export async function listPipelinesForAdmin(ctx: ServiceContext) {
  requirePipelineAdmin(ctx);
  const [pipelineRows, stageRows] = await Promise.all([
    ctx.db.select({ id: pipelines.id, name: pipelines.name, version: pipelines.version }).from(pipelines).where(eq(pipelines.isArchived, false)).orderBy(asc(pipelines.sortOrder), asc(pipelines.id)),
    ctx.db
      .select({
        id: stages.id,
        pipelineId: stages.pipelineId,
        name: stages.name,
        kind: stages.kind,
        probability: stages.probability,
        sortOrder: stages.sortOrder,
        version: stages.version,
        defaultTaskSubject: stages.defaultTaskSubject,
        defaultTaskDueHours: stages.defaultTaskDueHours,
        dealCount: sql<number>`(select count(*)::int from ${deals} where ${deals.stageId} = ${stages.id})`,
      })
      .from(stages)
      .where(eq(stages.isArchived, false))
      .orderBy(asc(stages.sortOrder)),
  ]);
  return pipelineRows.map((pipeline) => ({ ...pipeline, stages: stageRows.filter((stage) => stage.pipelineId === pipeline.id) }));
}
