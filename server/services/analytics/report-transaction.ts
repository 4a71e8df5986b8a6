import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';

/**
 * Runs a report's queries in one read transaction tuned for big plain aggregates: JIT off (its
 * compilation costs more than it saves here, DESIGN.md §7) and enough work_mem for the medians'
 * sorts and the cohorts' hashes to stay in memory. The queries run one after the other (one
 * connection), which PGlite needs anyway. They read the replica when there is one (ctx.reportDb):
 * a report may then lag the primary by the replication delay.
 */
export async function inReportTransaction<T>(ctx: ServiceContext, body: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  return (ctx.reportDb ?? ctx.db).transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
    return body({ ...ctx, db: tx });
  });
}
