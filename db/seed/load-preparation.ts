/**
 * What makes a bulk load fast and order-free: foreign keys and secondary indexes are taken off
 * before the COPYs and put back afterwards from their own catalog definitions (so they come back
 * exactly as the migrations made them, and re-adding a foreign key re-validates every row).
 */
import type { BulkSession } from './bulk-loader';

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

interface SecondaryIndex {
  name: string;
  definition: string;
}

export interface DetachedObjects {
  foreignKeys: ForeignKey[];
  indexes: SecondaryIndex[];
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

export async function detachConstraints(session: BulkSession, dropIndexes: boolean): Promise<DetachedObjects> {
  const foreignKeys = await session.query<ForeignKey>(`
    select c.conrelid::regclass::text as "table", c.conname as "name", pg_get_constraintdef(c.oid) as "definition"
    from pg_constraint c
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace
    order by c.conrelid::regclass::text, c.conname`);
  for (const fk of foreignKeys) {
    await session.exec(`alter table ${fk.table} drop constraint ${quote(fk.name)}`);
  }
  let indexes: SecondaryIndex[] = [];
  if (dropIndexes) {
    // Unique and primary-key indexes stay: they guard the data while it is loaded.
    indexes = await session.query<SecondaryIndex>(`
      select ic.relname as "name", pg_get_indexdef(i.indexrelid) as "definition"
      from pg_index i
      join pg_class ic on ic.oid = i.indexrelid
      join pg_class tc on tc.oid = i.indrelid
      where tc.relnamespace = 'public'::regnamespace and not i.indisunique and not i.indisprimary
      order by tc.relname, ic.relname`);
    for (const index of indexes) await session.exec(`drop index public.${quote(index.name)}`);
  }
  return { foreignKeys, indexes };
}

export async function reattachConstraints(
  session: BulkSession,
  detached: DetachedObjects,
  report: (message: string) => void,
): Promise<void> {
  for (const index of detached.indexes) {
    report(`index ${index.name}`);
    await session.exec(index.definition);
  }
  for (const fk of detached.foreignKeys) {
    report(`foreign key ${fk.name}`);
    await session.exec(`alter table ${fk.table} add constraint ${quote(fk.name)} ${fk.definition}`);
  }
}

export async function truncateTables(session: BulkSession, tables: readonly string[]): Promise<void> {
  await session.exec(`truncate ${tables.map(quote).join(', ')}`);
}

/** After explicit ids, identities must continue after the largest id or the next insert collides. */
export async function resetIdentities(session: BulkSession, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await session.exec(
      `select setval(pg_get_serial_sequence('public.${table}', 'id'), coalesce(max(id), 0) + 1, false) from ${quote(table)}`,
    );
  }
}
