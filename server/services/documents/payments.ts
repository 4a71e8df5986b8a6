import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { invoices, payments } from '@/db/schema';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { checkVersion, lockInvoiceInScope, requireDocumentEditor } from './document-access';
import { invoiceNumber } from './create-invoice';
import { addPaymentInput, cancelInvoiceInput, type AddPaymentInput } from './schemas';

/**
 * Records a payment on an issued invoice in scope: any number of partial payments, never more
 * than the debt (total − paid). The invoice row is locked, so two payments at once are checked
 * one after the other; paid_amount stays the exact sum of the payments and the status turns
 * 'paid' when the debt reaches zero. All arithmetic is numeric in PostgreSQL.
 */
export async function addPayment(ctx: ServiceContext, rawInput: AddPaymentInput) {
  requireDocumentEditor(ctx.actor);
  const input = addPaymentInput.parse(rawInput);
  const paidAt = input.paidAt ?? new Date();
  if (paidAt.getTime() > Date.now() + 60_000) throw new ServiceError('BAD_REQUEST', 'paidAt: a payment cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoiceInScope(tx, ctx.actor, input.invoiceId);
    if (invoice.status !== 'issued') throw new ServiceError('BAD_REQUEST', `invoiceId: a ${invoice.status} invoice takes no payments`);
    const [figures] = rowsOf<{ debt: string; over: boolean; paid: string; settled: boolean }>(
      await tx.execute(sql`
        select (${invoice.total}::numeric - ${invoice.paidAmount}::numeric)::text as debt,
               ${input.amount}::numeric > ${invoice.total}::numeric - ${invoice.paidAmount}::numeric as over,
               (${invoice.paidAmount}::numeric + ${input.amount}::numeric)::numeric(14,2)::text as paid,
               ${invoice.paidAmount}::numeric + ${input.amount}::numeric = ${invoice.total}::numeric as settled`),
    );
    if (figures!.over) {
      throw new ServiceError('BAD_REQUEST', `amount: the payment ${input.amount} exceeds the debt ${figures!.debt} on invoice ${invoiceNumber(invoice)}`, {
        debt: figures!.debt,
      });
    }
    const [payment] = await tx
      .insert(payments)
      .values({ invoiceId: invoice.id, amount: input.amount, paidAt, method: input.method ?? null, comment: input.comment ?? null, createdBy: ctx.actor.id })
      .returning({ id: payments.id });
    const status = figures!.settled ? 'paid' : 'issued';
    const nextVersion = invoice.version + 1;
    await tx.update(invoices).set({ paidAmount: figures!.paid, status, version: nextVersion, updatedAt: new Date() }).where(eq(invoices.id, invoice.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'invoice.payment',
      entityType: 'invoice',
      entityId: invoice.id,
      changes: {
        paymentId: [null, payment!.id],
        amount: [null, input.amount],
        paidAmount: [invoice.paidAmount, figures!.paid],
        ...(status !== invoice.status ? { status: [invoice.status, status] } : {}),
        version: [invoice.version, nextVersion],
      },
    });
    const [after] = rowsOf<{ debt: string }>(await tx.execute(sql`select (${invoice.total}::numeric - ${figures!.paid}::numeric)::text as debt`));
    return { paymentId: payment!.id, paidAmount: figures!.paid, debt: after!.debt, status, version: nextVersion };
  });
}

/** Cancels an issued invoice that has no payments (its number stays taken: no gaps, no reuse). */
export async function cancelInvoice(ctx: ServiceContext, rawInput: { invoiceId: number; version: number }) {
  requireDocumentEditor(ctx.actor);
  const input = cancelInvoiceInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoiceInScope(tx, ctx.actor, input.invoiceId);
    checkVersion('invoice', invoice.version, input.version);
    if (invoice.status !== 'issued') throw new ServiceError('BAD_REQUEST', `invoiceId: a ${invoice.status} invoice cannot be cancelled`);
    if (Number(invoice.paidAmount) > 0) throw new ServiceError('BAD_REQUEST', 'invoiceId: an invoice with payments cannot be cancelled');
    const nextVersion = invoice.version + 1;
    await tx.update(invoices).set({ status: 'cancelled', version: nextVersion, updatedAt: new Date() }).where(eq(invoices.id, invoice.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'invoice.cancel',
      entityType: 'invoice',
      entityId: invoice.id,
      changes: { status: ['issued', 'cancelled'], version: [invoice.version, nextVersion] },
    });
    return { invoiceId: invoice.id, status: 'cancelled' as const, version: nextVersion };
  });
}
