import { sql, type SQL } from 'drizzle-orm';
import type { BenchScope } from './case';

/** The owner restriction a hand-written query needs: a head's team members, or nothing. */
export function ownedBy(scope: BenchScope, column: string): SQL {
  return scope.teamId === null ? sql`true` : sql`${sql.raw(column)} = any(array(select id from users where team_id = ${scope.teamId}))`;
}

/** The 12 months measured as timestamptz literals, and the 12 before them (previous period). */
export function instants(scope: BenchScope) {
  return {
    from: sql.raw(`'${scope.fromAt}'::timestamptz`),
    to: sql.raw(`'${scope.toAt}'::timestamptz`),
    previousFrom: sql.raw(`('${scope.fromAt}'::timestamptz - interval '12 months')`),
  };
}

/** The pipeline a funnel or snapshot shows by default. */
export const DEFAULT_PIPELINE = sql`(select id from pipelines where not is_archived order by sort_order, id limit 1)`;
