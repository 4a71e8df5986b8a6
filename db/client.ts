import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import * as schema from './schema';

export { schema };
export type Schema = typeof schema;
/** What services and queries receive: a database or a transaction, on either driver. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Driver = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** The server URL (postgres driver only): migrations open their own single connection on it. */
  url?: string;
  /** The driver's own client, for what drizzle does not wrap (COPY, blobs, dumps). */
  raw: { kind: 'postgres'; client: Sql } | { kind: 'pglite'; client: PGlite };
  close(): Promise<void>;
}

export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), '.data', 'pglite');

/** The PostgreSQL pools opened here with two or more connections (WeakSet: identity only). */
const parallelPools = new WeakSet<object>();

/**
 * True when independent reads may run at once, each on its own connection: a PostgreSQL pool of
 * two or more. Not PGlite (one connection) and not a transaction (it has one connection, and its
 * caller may need its uncommitted writes seen).
 */
export function allowsParallelReads(db: Database): boolean {
  return parallelPools.has(db);
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite (a directory, or memory when omitted). */
export async function openDatabase(options: {
  url?: string;
  dataDir?: string;
  loadDataDir?: Blob;
  maxConnections?: number;
}): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'voronka' },
    });
    const db = drizzle({ client, schema }) as unknown as Database;
    if ((options.maxConnections ?? 10) >= 2) parallelPools.add(db);
    return { db, driver: 'postgres', url: options.url, raw: { kind: 'postgres', client }, close: () => client.end({ timeout: 5 }) };
  }
  if (options.dataDir) {
    // PGlite creates its own directory but not the parents (.data/ on a fresh clone).
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.dirname(path.resolve(options.dataDir)), { recursive: true });
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = drizzle({ client, schema }) as unknown as Database;
  return { db, driver: 'pglite', raw: { kind: 'pglite', client }, close: () => client.close() };
}

/** Where the running app keeps its data: DATABASE_URL, else PGlite under `.data/`. */
export function configuredDatabase(): { url?: string; dataDir?: string } {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return { url };
  return { dataDir: process.env.PGLITE_DIR?.trim() || DEFAULT_PGLITE_DIR };
}

const globalForDb = globalThis as unknown as { __voronkaDb?: Promise<DatabaseHandle> };

/**
 * The app's one database handle, opened on first use (never at import: `next build` imports
 * modules) and kept on globalThis so hot reloads and route bundles share a single PGlite.
 */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.__voronkaDb ??= openDatabase(configuredDatabase()).catch((error: unknown) => {
    globalForDb.__voronkaDb = undefined;
    throw error;
  });
  return globalForDb.__voronkaDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

const globalForReplica = globalThis as unknown as { __voronkaReplica?: Promise<DatabaseHandle> };

/**
 * Where analytics read: a read replica of the PostgreSQL server when DATABASE_REPLICA_URL is set
 * (opened on first use, like the primary), else the primary itself.
 */
export async function getReportDb(): Promise<Database> {
  const url = process.env.DATABASE_REPLICA_URL?.trim();
  if (!url) return getDb();
  globalForReplica.__voronkaReplica ??= openDatabase({ url }).catch((error: unknown) => {
    globalForReplica.__voronkaReplica = undefined;
    throw error;
  });
  return (await globalForReplica.__voronkaReplica).db;
}

/** Rows of a raw `db.execute()` result: postgres-js returns an array, PGlite an object with rows. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
