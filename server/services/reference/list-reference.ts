import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { dealTypes, junkReasons, leadSources, lossReasons, pipelines, stages, teams, users } from '@/db/schema';
import { rowScopeOf } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';

/** Active pipelines with their stages in order (every role reads shared reference data). */
export async function listPipelines({ db }: ServiceContext) {
  const rows = await db
    .select({
      pipelineId: pipelines.id,
      pipelineName: pipelines.name,
      stageId: stages.id,
      stageName: stages.name,
      kind: stages.kind,
      sortOrder: stages.sortOrder,
      probability: stages.probability,
    })
    .from(pipelines)
    .innerJoin(stages, eq(stages.pipelineId, pipelines.id))
    .where(and(eq(pipelines.isArchived, false), eq(stages.isArchived, false)))
    .orderBy(asc(pipelines.sortOrder), asc(pipelines.id), asc(stages.sortOrder));
  const byPipeline = new Map<number, { id: number; name: string; stages: { id: number; name: string; kind: 'open' | 'won' | 'lost'; sortOrder: number; probability: number }[] }>();
  for (const row of rows) {
    const pipeline = byPipeline.get(row.pipelineId) ?? { id: row.pipelineId, name: row.pipelineName, stages: [] };
    pipeline.stages.push({ id: row.stageId, name: row.stageName, kind: row.kind, sortOrder: row.sortOrder, probability: row.probability });
    byPipeline.set(row.pipelineId, pipeline);
  }
  return [...byPipeline.values()];
}

/** Reasons offered for new choices: archived ones stay on old records but are not offered. */
export async function listLossReasons({ db }: ServiceContext) {
  return db
    .select({ id: lossReasons.id, nameRu: lossReasons.nameRu, nameEn: lossReasons.nameEn })
    .from(lossReasons)
    .where(eq(lossReasons.isArchived, false))
    .orderBy(asc(lossReasons.sortOrder), asc(lossReasons.id));
}

export async function listJunkReasons({ db }: ServiceContext) {
  return db
    .select({ id: junkReasons.id, nameRu: junkReasons.nameRu, nameEn: junkReasons.nameEn })
    .from(junkReasons)
    .where(eq(junkReasons.isArchived, false))
    .orderBy(asc(junkReasons.sortOrder), asc(junkReasons.id));
}

export async function listDealTypes({ db }: ServiceContext) {
  return db
    .select({ id: dealTypes.id, nameRu: dealTypes.nameRu, nameEn: dealTypes.nameEn })
    .from(dealTypes)
    .where(eq(dealTypes.isArchived, false))
    .orderBy(asc(dealTypes.sortOrder), asc(dealTypes.id));
}

export async function listLeadSources({ db }: ServiceContext) {
  return db
    .select({ id: leadSources.id, nameRu: leadSources.nameRu, nameEn: leadSources.nameEn })
    .from(leadSources)
    .where(eq(leadSources.isArchived, false))
    .orderBy(asc(leadSources.sortOrder), asc(leadSources.id));
}

/**
 * People whose records the actor may filter by: a manager only themself, a head the active
 * members of their team, executives and admins every active manager and head.
 */
export async function listVisibleOwners({ db, actor }: ServiceContext) {
  const scope = rowScopeOf(actor);
  const columns = { id: users.id, name: users.name, role: users.role, teamId: users.teamId };
  if (scope.kind === 'own') {
    return db.select(columns).from(users).where(eq(users.id, actor.id));
  }
  return db
    .select(columns)
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        scope.kind === 'team' ? eq(users.teamId, scope.teamId) : inArray(users.role, ['manager', 'head']),
      ),
    )
    .orderBy(asc(users.name));
}

/** Teams the actor may look at: a head their own, executives and admins all. */
export async function listTeams({ db, actor }: ServiceContext) {
  const scope = rowScopeOf(actor);
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(scope.kind === 'team' ? eq(teams.id, scope.teamId) : scope.kind === 'own' ? sql`false` : undefined)
    .orderBy(asc(teams.name));
}
