import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { qualified, writableColumns } from './catalog';

/*
 * A merge changes rows that only point at the merged records (a deal's contact, a lead's
 * company). Each such row that carries a version gets it bumped once, so a form opened on it
 * before the merge is refused on save instead of silently writing the merged-away reference back.
 * Its old version is kept in the merge's `before` ('versioned'); the undo puts it back when
 * nobody has changed the row since (the database then equals its pre-merge self), else bumps again.
 */

const IMAGES = sql`merges m cross join lateral jsonb_array_elements(m.before) e`;

/** The tables with re-pointed rows in this merge: schema, table and whether they carry a version. */
async function tablesWith(tx: Database, mergeId: number, change: 'repointed' | 'versioned') {
  const tables = rowsOf<{ schema: string; table: string }>(
    await tx.execute(sql`select distinct e->>'schema' as schema, e->>'table' as table from ${IMAGES} where m.id = ${mergeId} and e->>'change' = ${change}::text order by 1, 2`),
  );
  const found = [];
  for (const t of tables) {
    const { all, key } = await writableColumns(tx, t.schema, t.table);
    if (all.includes('version')) found.push({ ...t, key });
  }
  return found;
}

function keyMatch(key: string[]) {
  return sql.join(key.map((k) => sql`t.${sql.identifier(k)} = r.${sql.identifier(k)}`), sql` and `);
}

/** Bumps the version of every re-pointed row once (a row moved in two columns still once), saving the old one. */
export async function bumpRepointedVersions(tx: Database, mergeId: number): Promise<void> {
  for (const t of await tablesWith(tx, mergeId, 'repointed')) {
    const target = qualified(t.schema, t.table);
    await tx.execute(sql`
      with moved as (
        update ${target} t set version = t.version + 1
        from (select distinct e->'key' as key from ${IMAGES}
              where m.id = ${mergeId} and e->>'change' = 'repointed' and e->>'schema' = ${t.schema}::text and e->>'table' = ${t.table}::text) k
        cross join lateral jsonb_populate_record(null::${target}, k.key) r
        where ${keyMatch(t.key)}
        returning jsonb_build_object('change', 'versioned', 'schema', ${t.schema}::text, 'table', ${t.table}::text, 'key', k.key, 'old', t.version - 1) as image
      )
      update merges set before = before || coalesce((select jsonb_agg(image) from moved), '[]'::jsonb) where id = ${mergeId}`);
  }
}

/** The undo's side: the old version back on rows untouched since the merge, one more bump on the others. */
export async function restoreRepointedVersions(tx: Database, mergeId: number): Promise<void> {
  for (const t of await tablesWith(tx, mergeId, 'versioned')) {
    const target = qualified(t.schema, t.table);
    await tx.execute(sql`
      update ${target} t
      set version = case when t.version = (e->>'old')::int + 1 then (e->>'old')::int else t.version + 1 end
      from ${IMAGES} cross join lateral jsonb_populate_record(null::${target}, e->'key') r
      where m.id = ${mergeId} and e->>'change' = 'versioned' and e->>'schema' = ${t.schema}::text and e->>'table' = ${t.table}::text
        and ${keyMatch(t.key)}`);
  }
}
