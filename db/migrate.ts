import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './client';
import * as schema from './schema';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/** Arbitrary constant: the advisory lock that serialises migrations when several servers start. */
const MIGRATION_LOCK_KEY = 7_301_001;

/** Applies pending drizzle-kit migrations. Safe to call at every start and from several servers. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === 'pglite') {
    // PGlite is one connection in one process: nothing else can migrate at the same time.
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!handle.url) throw new Error('migrateDatabase: a postgres handle needs its url');
  // A session-level advisory lock needs one connection for lock, migration and unlock.
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(handle.url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle({ client, schema });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
