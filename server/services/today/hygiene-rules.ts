import { and, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { deals, stages } from '@/db/schema';

/**
 * The three end-of-day rules of the sales standard (DESIGN.md §3), as conditions on deals.
 * Today, the hygiene board and its drill-down all use these, so they can never disagree.
 */
export const HYGIENE_GROUPS = ['unprocessed', 'withoutTask', 'overdueTask'] as const;
export type HygieneGroup = (typeof HYGIENE_GROUPS)[number];

/**
 * The deal is in its pipeline's first (active, open) stage. Stage ids belong to one pipeline,
 * so membership in the set of first stages says it; the set is computed once per query, not per deal.
 */
const inFirstStage = sql`${deals.stageId} in (
  select distinct on (${stages.pipelineId}) ${stages.id} from ${stages}
  where ${stages.kind} = 'open' and not ${stages.isArchived}
  order by ${stages.pipelineId}, ${stages.sortOrder})`;

export function hygieneCondition(group: HygieneGroup, now: Date): SQL {
  const open = eq(deals.status, 'open');
  switch (group) {
    case 'unprocessed':
      // Still in the first stage and nothing done or planned on it since it was created.
      return and(open, isNull(deals.lastActivityAt), inFirstStage)!;
    case 'withoutTask':
      return and(open, eq(deals.openTaskCount, 0))!;
    case 'overdueTask':
      return and(open, lt(deals.nextTaskDueAt, sql`${now.toISOString()}::timestamptz`))!;
  }
}
