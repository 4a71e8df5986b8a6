import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { intArray, qualified, type ReferencingColumn } from './catalog';

/**
 * Moves every reference to a merged-away record onto the survivor, one referencing column at a
 * time, and appends to the merge's `before` what each moved row pointed at (table, column,
 * primary key, old value) in the same statement, so the record of it can never be missing.
 * Rows of the merged table itself that take part in the merge are left alone: they are deleted
 * or are the survivor. Returns how many rows moved per `table.column`, for the audit.
 */
export async function repointReferences(
  tx: Database,
  merge: { id: number; survivorId: number; mergedIds: number[]; allIds: number[]; schema: string; table: string },
  references: ReferencingColumn[],
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const ref of references) {
    const target = qualified(ref.schema, ref.table);
    const column = sql.identifier(ref.column);
    const keys = ref.keyColumns.map((key) => sql.identifier(key));
    const insideMerge = ref.schema === merge.schema && ref.table === merge.table ? sql`and id <> all(${intArray(merge.allIds)})` : sql``;
    const [row] = rowsOf<{ moved: number }>(
      await tx.execute(sql`
        with moved as (
          update ${target} t set ${column} = ${merge.survivorId}
          from (select ${sql.join(keys, sql`, `)}, ${column} as merge_old from ${target}
                 where ${column} = any(${intArray(merge.mergedIds)}) ${insideMerge} for update) o
          where ${sql.join(keys.map((key) => sql`t.${key} = o.${key}`), sql` and `)}
          returning jsonb_build_object('change', 'repointed', 'schema', ${ref.schema}::text, 'table', ${ref.table}::text,
            'column', ${ref.column}::text,
            'key', jsonb_build_object(${sql.join(ref.keyColumns.map((key) => sql`${key}::text, t.${sql.identifier(key)}`), sql`, `)}),
            'old', to_jsonb(o.merge_old)) as image
        ), saved as (
          update merges set before = before || coalesce((select jsonb_agg(image) from moved), '[]'::jsonb) where id = ${merge.id}
        )
        select count(*)::int as moved from moved`),
    );
    if (row && row.moved > 0) moved[`${ref.table}.${ref.column}`] = row.moved;
  }
  return moved;
}
