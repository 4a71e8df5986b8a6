import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';

/** One column of some table that references a merged table's id. */
export interface ReferencingColumn {
  schema: string;
  table: string;
  column: string;
  /** The referencing table's primary key, so each moved row can be found again on undo. */
  keyColumns: string[];
}

/** `"schema"."table"`, safely quoted. */
export function qualified(schema: string, table: string): SQL {
  return sql`${sql.identifier(schema)}.${sql.identifier(table)}`;
}

/**
 * Every foreign key that points at `table`, read from the catalog rather than listed by hand, so a
 * table added later is re-pointed by merges without anyone remembering to. A merge that could not
 * move a reference would lose it (or cascade-delete the row), so unsupported shapes fail loudly.
 */
export async function referencingColumns(db: Database, table: string): Promise<ReferencingColumn[]> {
  const rows = rowsOf<{ schema: string; table: string; column: string | null; key_columns: string[] | null; arity: number }>(
    await db.execute(sql`
      select n.nspname::text as schema, cl.relname::text as table, a.attname::text as column,
        cardinality(c.conkey) as arity,
        (select jsonb_agg(ka.attname::text order by array_position(i.indkey::int2[], ka.attnum))
           from pg_index i join pg_attribute ka on ka.attrelid = i.indrelid and ka.attnum = any(i.indkey::int2[])
          where i.indrelid = c.conrelid and i.indisprimary) as key_columns
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace n on n.oid = cl.relnamespace
      left join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1] and cardinality(c.conkey) = 1
      where c.contype = 'f' and c.confrelid = to_regclass(${table})
      order by 1, 2, 3`),
  );
  return rows.map((row) => {
    if (row.arity !== 1 || !row.column) throw new Error(`merge: ${row.schema}.${row.table} has a multi-column reference to ${table}`);
    if (!row.key_columns?.length) throw new Error(`merge: ${row.schema}.${row.table} has no primary key`);
    return { schema: row.schema, table: row.table, column: row.column, keyColumns: row.key_columns };
  });
}

/** Where a table lives (its schema), for the images a merge stores. */
export async function schemaOf(db: Database, table: string): Promise<string> {
  const [row] = rowsOf<{ schema: string }>(
    await db.execute(sql`select n.nspname::text as schema from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = to_regclass(${table})`),
  );
  if (!row) throw new Error(`merge: no table ${table}`);
  return row.schema;
}

/** Columns an undo writes back: every stored column (generated ones compute themselves). */
export async function writableColumns(db: Database, schema: string, table: string): Promise<{ all: string[]; key: string[] }> {
  const rows = rowsOf<{ name: string; is_key: boolean }>(
    await db.execute(sql`
      select a.attname::text as name,
        exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indisprimary and a.attnum = any(i.indkey::int2[])) as is_key
      from pg_attribute a
      where a.attrelid = (select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ${schema} and c.relname = ${table})
        and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by a.attnum`),
  );
  if (rows.length === 0) throw new Error(`merge: no table ${schema}.${table}`);
  return { all: rows.map((row) => row.name), key: rows.filter((row) => row.is_key).map((row) => row.name) };
}

/** `'{1,2,3}'::int[]` without spreading a JS array into a parameter list. */
export function intArray(ids: readonly number[]): SQL {
  return sql`${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::int[]`;
}
