import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';

/**
 * What follows a deal to its new owner: its commercial offers and its unpaid invoices (draft or
 * issued), so the debt is chased by whoever holds the deal and the receivables report counts it
 * there. Paid and cancelled invoices stay with who issued them: that is history. Each moved row
 * is versioned and audited; returns how many moved.
 */
export async function handOverDealDocuments(tx: Database, actorId: number, dealId: number, toId: number): Promise<{ proposals: number; invoices: number }> {
  const move = async (table: 'proposals' | 'invoices', entityType: string, open: ReturnType<typeof sql>) =>
    rowsOf(
      await tx.execute(sql`
        with moved as (
          update ${sql.identifier(table)} as t set owner_id = ${toId}, version = t.version + 1, updated_at = now()
          from (select id, owner_id from ${sql.identifier(table)} where deal_id = ${dealId} and owner_id <> ${toId} and ${open}) before
          where t.id = before.id
          returning t.id, before.owner_id as from_id)
        insert into audit_log (actor_id, action, entity_type, entity_id, changes)
        select ${actorId}, ${`${entityType}.handover`}, ${entityType}, id, jsonb_build_object('ownerId', jsonb_build_array(from_id, ${toId}::int))
        from moved
        returning entity_id`),
    ).length;
  return { proposals: await move('proposals', 'proposal', sql`true`), invoices: await move('invoices', 'invoice', sql`status in ('draft', 'issued')`) };
}
