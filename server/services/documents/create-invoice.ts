import { and, eq, ne, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { invoices } from '@/db/schema';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { organisationDay } from '../today/org-day';
import { dealInScope, lockVersionInScope, requireDocumentEditor } from './document-access';
import { nextInvoiceSeq } from './numbering';
import { createInvoiceInput, type CreateInvoiceInput } from './schemas';

export const invoiceNumber = (invoice: { year: number; seq: number }) => `${invoice.year}-${invoice.seq}`;

/** What the deal's live invoices (all but cancelled ones) already claim. */
async function invoicedOnDeal(tx: Database, dealId: number) {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${invoices.total}), 0)::numeric(16,2)::text` })
    .from(invoices)
    .where(and(eq(invoices.dealId, dealId), ne(invoices.status, 'cancelled')));
  return row!.total;
}

/**
 * Issues an invoice on a deal in scope — from its accepted offer (the offer's total) or by hand —
 * numbered <year>-<seq>, gapless per year. Invoices that together would claim more than the
 * deal's amount are refused unless the caller confirms it, so deal amount and invoices never
 * disagree silently; an offer is invoiced once (until that invoice is cancelled).
 */
export async function createInvoice(ctx: ServiceContext, rawInput: CreateInvoiceInput, options: { now?: Date } = {}) {
  requireDocumentEditor(ctx.actor);
  const input = createInvoiceInput.parse(rawInput);
  const now = options.now ?? new Date();
  return ctx.db.transaction(async (tx) => {
    let dealId: number;
    let total: string;
    let proposalVersionId: number | null = null;
    if (input.source === 'proposal') {
      const { version, proposal } = await lockVersionInScope(tx, ctx.actor, input.versionId);
      if (version.status !== 'accepted') throw new ServiceError('BAD_REQUEST', 'versionId: only an accepted offer can be invoiced');
      const [already] = await tx
        .select({ year: invoices.year, seq: invoices.seq })
        .from(invoices)
        .where(and(eq(invoices.proposalVersionId, version.id), ne(invoices.status, 'cancelled')));
      if (already) throw new ServiceError('CONFLICT', `This offer is already invoiced (invoice ${invoiceNumber(already)})`);
      dealId = proposal.dealId;
      total = version.total;
      proposalVersionId = version.id;
    } else {
      if (Number(input.total) <= 0) throw new ServiceError('BAD_REQUEST', 'total: must be above 0');
      dealId = input.dealId;
      total = input.total;
    }
    // Locked, so two invoices on one deal are checked against the deal amount one after the other.
    const deal = await dealInScope(tx, ctx.actor, dealId, true);
    if (deal.status === 'lost') throw new ServiceError('BAD_REQUEST', 'dealId: a lost deal cannot be invoiced');
    const day = await organisationDay(tx, now);
    if (input.dueDate < day.localDate) throw new ServiceError('BAD_REQUEST', 'dueDate: must not be before the issue date');
    const invoiced = await invoicedOnDeal(tx, deal.id);
    const [check] = rowsOf<{ above: boolean }>(
      await tx.execute(sql`select (${invoiced}::numeric + ${total}::numeric) > ${deal.amount}::numeric as above`),
    );
    if (check!.above && !input.allowAboveDealAmount) {
      throw new ServiceError('BAD_REQUEST', 'total: the invoices would exceed the deal amount; confirm to issue anyway', {
        dealAmount: deal.amount,
        invoiced,
        total,
      });
    }
    const year = Number(day.localDate.slice(0, 4));
    const seq = await nextInvoiceSeq(tx, year);
    const [created] = await tx
      .insert(invoices)
      .values({
        year,
        seq,
        dealId: deal.id,
        companyId: deal.companyId,
        contactId: deal.contactId,
        proposalVersionId,
        ownerId: deal.ownerId,
        status: 'issued',
        currency: deal.currency,
        total,
        issueDate: day.localDate,
        dueDate: input.dueDate,
      })
      .returning();
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'invoice.create',
      entityType: 'invoice',
      entityId: created!.id,
      changes: { number: [null, invoiceNumber(created!)], dealId: [null, deal.id], total: [null, total], dueDate: [null, input.dueDate], proposalVersionId: [null, proposalVersionId] },
    });
    return { ...created!, number: invoiceNumber(created!) };
  });
}
