import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { qualified, writableColumns } from './catalog';

/*
 * The undo's writes, each reading the images straight from `merges.before` inside PostgreSQL,
 * so values (timestamps to the microsecond, numerics, arrays) come back exactly as they were.
 */

const IMAGES = sql`merges m cross join lateral jsonb_array_elements(m.before) e`;

function imagesOf(mergeId: number, change: string, place?: { schema: string; table: string; column?: string }) {
  return sql.join(
    [
      sql`m.id = ${mergeId}`,
      sql`e->>'change' = ${change}::text`,
      ...(place ? [sql`e->>'schema' = ${place.schema}::text`, sql`e->>'table' = ${place.table}::text`] : []),
      ...(place?.column ? [sql`e->>'column' = ${place.column}::text`] : []),
    ],
    sql` and `,
  );
}

/** Puts the merged-away rows back: same ids, every column. */
export async function reinsertDeleted(tx: Database, mergeId: number, schema: string, table: string): Promise<number> {
  const { all } = await writableColumns(tx, schema, table);
  const target = qualified(schema, table);
  const list = sql.join(all.map((column) => sql.identifier(column)), sql`, `);
  const fromImage = sql.join(all.map((column) => sql`r.${sql.identifier(column)}`), sql`, `);
  const rows = rowsOf<{ n: number }>(
    await tx.execute(sql`
      insert into ${target} (${list}) overriding system value
      select ${fromImage} from ${IMAGES} cross join lateral jsonb_populate_record(null::${target}, e->'row') r
      where ${imagesOf(mergeId, 'deleted', { schema, table })}
      returning 1 as n`),
  );
  return rows.length;
}

/** Writes the survivor's pre-merge image over it (every column but the key). */
export async function restoreSurvivor(tx: Database, mergeId: number, schema: string, table: string, survivorId: number): Promise<void> {
  const { all, key } = await writableColumns(tx, schema, table);
  const target = qualified(schema, table);
  const set = sql.join(
    all.filter((column) => !key.includes(column)).map((column) => sql`${sql.identifier(column)} = r.${sql.identifier(column)}`),
    sql`, `,
  );
  await tx.execute(sql`
    update ${target} t set ${set}
    from jsonb_populate_record(null::${target},
      (select e->'row' from ${IMAGES} where ${imagesOf(mergeId, 'updated', { schema, table })})) r
    where t.id = ${survivorId}`);
}

/** Points moved references back at their old record, only where they still point at the survivor. */
export async function restoreReferences(tx: Database, mergeId: number, survivorId: number): Promise<number> {
  const groups = rowsOf<{ schema: string; table: string; column: string }>(
    await tx.execute(sql`
      select distinct e->>'schema' as schema, e->>'table' as table, e->>'column' as column
      from ${IMAGES} where ${imagesOf(mergeId, 'repointed')} order by 1, 2, 3`),
  );
  let restored = 0;
  for (const group of groups) {
    const { key } = await writableColumns(tx, group.schema, group.table);
    const target = qualified(group.schema, group.table);
    const column = sql.identifier(group.column);
    const rows = rowsOf<{ n: number }>(
      await tx.execute(sql`
        update ${target} t set ${column} = r.${column}
        from ${IMAGES}
        cross join lateral jsonb_populate_record(null::${target}, (e->'key') || jsonb_build_object(${group.column}::text, e->'old')) r
        where ${imagesOf(mergeId, 'repointed', group)}
          and ${sql.join(key.map((k) => sql`t.${sql.identifier(k)} = r.${sql.identifier(k)}`), sql` and `)}
          and t.${column} = ${survivorId}
        returning 1 as n`),
    );
    restored += rows.length;
  }
  return restored;
}
