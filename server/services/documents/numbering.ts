import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/client';

// Advisory-lock keys (first int) of the document number sequences.
const PROPOSAL_NUMBER_LOCK = 72_001;
const INVOICE_NUMBER_LOCK = 72_002;

/**
 * The next invoice number of a year, gapless and unique under concurrency: a transaction-scoped
 * lock per year serialises the creators, and the number is taken as max + 1 after the lock (a
 * READ COMMITTED statement sees every invoice committed before it), so a rolled-back creation
 * leaves no hole and two creations never share a number. Call inside the creating transaction.
 */
export async function nextInvoiceSeq(tx: Database, year: number): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${INVOICE_NUMBER_LOCK}, ${year})`);
  const [row] = rowsOf<{ next: number }>(
    await tx.execute(sql`select coalesce(max(seq), 0)::int + 1 as next from invoices where year = ${year}`),
  );
  return row!.next;
}

/** The next offer number (one sequence for the organisation, КП №N), the same way. */
export async function nextProposalNumber(tx: Database): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PROPOSAL_NUMBER_LOCK}, 0)`);
  const [row] = rowsOf<{ next: number }>(await tx.execute(sql`select coalesce(max(number), 0)::int + 1 as next from proposals`));
  return row!.next;
}
