import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { moveOwnedRows } from '../move-owned-rows';

/**
 * What follows a deal to its new owner: its commercial offers and its unpaid invoices (draft or
 * issued), so the debt is chased by whoever holds the deal and the receivables report counts it
 * there. Paid and cancelled invoices stay with who issued them: that is history. Each moved row
 * is versioned and audited; returns how many moved.
 */
export async function handOverDealDocuments(tx: Database, actorId: number, dealId: number, toId: number): Promise<{ proposals: number; invoices: number }> {
  return {
    proposals: await moveOwnedRows(tx, { table: 'proposals', entityType: 'proposal', where: sql`deal_id = ${dealId}`, toId, actorId }),
    invoices: await moveOwnedRows(tx, { table: 'invoices', entityType: 'invoice', where: sql`deal_id = ${dealId} and status in ('draft', 'issued')`, toId, actorId }),
  };
}
