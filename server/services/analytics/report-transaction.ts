import { sql } from 'drizzle-orm';
import { allowsParallelReads } from '@/db/client';
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

type ReportParts<T> = { [K in keyof T]: (ctx: ServiceContext) => Promise<T[K]> };

/**
 * Runs a report's independent parts, each in a report transaction of its own on its own
 * connection, all at once, when the report database is a PostgreSQL pool (a report's costly
 * statements then share the server's cores instead of queueing on one connection); else one after
 * the other in one report transaction (PGlite, or a caller's open transaction). Each part holds
 * one connection and waits for nothing else, so parts of many concurrent reports cannot deadlock
 * on the pool. Each part reads its own snapshot: two parts may be a few milliseconds apart, as
 * any report read from a replica may be.
 */
export async function inReportParts<T extends Record<string, unknown>>(ctx: ServiceContext, parts: ReportParts<T>): Promise<T> {
  const keys = Object.keys(parts) as (keyof T & string)[];
  if (!allowsParallelReads(ctx.reportDb ?? ctx.db)) {
    return inReportTransaction(ctx, async (tx) => {
      const results: Partial<T> = {};
      for (const key of keys) results[key] = await parts[key](tx);
      return results as T;
    });
  }
  // allSettled: a failed part still lets the others finish and free their connections first.
  const settled = await Promise.allSettled(keys.map((key) => inReportTransaction(ctx, parts[key])));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return Object.fromEntries(keys.map((key, i) => [key, (settled[i] as PromiseFulfilledResult<unknown>).value])) as T;
}
