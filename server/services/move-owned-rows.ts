import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';

/** The tables whose rows have an owner that a hand-over can change. */
export type OwnedTable = 'deals' | 'leads' | 'activities' | 'companies' | 'contacts' | 'proposals' | 'invoices';

/**
 * Gives the rows of `table` matching `where` (unqualified columns of that table) to a new owner,
 * in the caller's transaction, as one set-based statement: each moved row's version is bumped (an
 * edit opened before is refused, not silently overwritten) and an `<entity>.handover` audit row
 * records its previous owner. Rows the new owner already holds are left alone. Returns how many moved.
 */
export async function moveOwnedRows(
  tx: Database,
  input: { table: OwnedTable; entityType: string; where: SQL; toId: number; actorId: number; alsoSet?: SQL },
): Promise<number> {
  const table = sql.identifier(input.table);
  const result = await tx.execute(sql`
    with moved as (
      update ${table} as t set owner_id = ${input.toId}, version = t.version + 1, updated_at = now()${input.alsoSet ?? sql``}
      from (select id, owner_id from ${table} where ${input.where} and owner_id <> ${input.toId}) before
      where t.id = before.id
      returning t.id, before.owner_id as from_id)
    insert into audit_log (actor_id, action, entity_type, entity_id, changes)
    select ${input.actorId}, ${`${input.entityType}.handover`}, ${input.entityType}, id, jsonb_build_object('ownerId', jsonb_build_array(from_id, ${input.toId}::int))
    from moved
    returning entity_id`);
  return rowsOf(result).length;
}
