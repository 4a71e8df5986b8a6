import { router } from '@/server/trpc/init';
import { authedProcedure, operationalProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { addPaymentInput, cancelInvoiceInput, createInvoiceInput, dealRef, invoiceRef } from '@/server/services/documents/schemas';
import { createInvoice } from '@/server/services/documents/create-invoice';
import { addPayment, cancelInvoice } from '@/server/services/documents/payments';
import { getInvoiceDocument, listDealInvoices } from '@/server/services/documents/read-invoices';
import { listMyOverdueInvoices } from '@/server/services/documents/overdue-invoices';

/** Invoices (numbered per year) and their payments. */
export const invoicesRouter = router({
  /** The Today screen: my invoices past due with a debt. */
  overdueMine: authedProcedure.query(({ ctx }) => callService(() => listMyOverdueInvoices(ctx.service))),
  byDeal: authedProcedure.input(dealRef).query(({ ctx, input }) => callService(() => listDealInvoices(ctx.service, input))),
  document: authedProcedure.input(invoiceRef).query(({ ctx, input }) => callService(() => getInvoiceDocument(ctx.service, input))),
  create: operationalProcedure.input(createInvoiceInput).mutation(({ ctx, input }) => callService(() => createInvoice(ctx.service, input))),
  addPayment: operationalProcedure.input(addPaymentInput).mutation(({ ctx, input }) => callService(() => addPayment(ctx.service, input))),
  cancel: operationalProcedure.input(cancelInvoiceInput).mutation(({ ctx, input }) => callService(() => cancelInvoice(ctx.service, input))),
});
