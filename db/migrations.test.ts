import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from './client';
import { migrateDatabase } from './migrate';
import { createDatabase, dropDatabase } from '@/test/postgres-server';

/** Tables, columns, constraints and indexes of schema public, in a stable order. */
async function describeSchema(db: Database) {
  const columns = rowsOf(
    await db.execute(sql`
      select table_name, column_name, data_type, udt_name, is_nullable, column_default,
             numeric_precision, numeric_scale, is_identity
      from information_schema.columns where table_schema = 'public'
      order by table_name, column_name`),
  );
  const constraints = rowsOf(
    await db.execute(sql`
      select conrelid::regclass::text as table_name, conname, contype,
             pg_get_constraintdef(oid) as definition
      from pg_constraint
      -- PGlite (PostgreSQL 17+) also lists NOT NULL as constraints; is_nullable above covers them.
      where connamespace = 'public'::regnamespace and contype <> 'n'
      order by 1, 2`),
  );
  const indexes = rowsOf(
    await db.execute(sql`
      select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'
      order by 1, 2`),
  );
  return { columns, constraints, indexes };
}

describe('migrations', () => {
  it('apply on an empty PGlite and an empty PostgreSQL database and give the same schema', async () => {
    const name = `voronka_migrations_${process.pid}`;
    const server = await openDatabase({ url: await createDatabase(name), maxConnections: 2 });
    const lite = await openDatabase({});
    try {
      await migrateDatabase(server);
      await migrateDatabase(lite);
      // Applying again is a no-op (every start migrates).
      await migrateDatabase(server);
      const [onServer, onLite] = [await describeSchema(server.db), await describeSchema(lite.db)];
      expect(onServer.columns.length).toBeGreaterThan(250);
      expect(onServer.indexes.length).toBeGreaterThan(60);
      expect(onLite).toEqual(onServer);
    } finally {
      await lite.close();
      await server.close();
      await dropDatabase(name);
    }
  });
});
