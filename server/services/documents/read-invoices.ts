import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { companies, contacts, deals, invoices, payments, proposals, proposalVersions, users } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { getSeller } from './seller';
import { organisationDay } from '../today/org-day';
import { dealInScope } from './document-access';
import { dealRef, invoiceRef } from './schemas';

const invoiceColumns = {
  id: invoices.id,
  year: invoices.year,
  seq: invoices.seq,
  number: sql<string>`${invoices.year} || '-' || ${invoices.seq}`,
  dealId: invoices.dealId,
  proposalVersionId: invoices.proposalVersionId,
  proposalNumber: proposals.number,
  proposalVersionNo: proposalVersions.versionNo,
  /** VAT inside the total, known when the invoice comes from an offer. */
  vatTotal: proposalVersions.vatTotal,
  status: invoices.status,
  currency: invoices.currency,
  total: invoices.total,
  paidAmount: invoices.paidAmount,
  debt: sql<string>`(${invoices.total} - ${invoices.paidAmount})::numeric(14,2)::text`,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  version: invoices.version,
};

async function paymentsOf(ctx: ServiceContext, invoiceIds: number[]) {
  if (invoiceIds.length === 0) return [];
  return ctx.db
    .select({ id: payments.id, invoiceId: payments.invoiceId, amount: payments.amount, paidAt: payments.paidAt, method: payments.method, comment: payments.comment })
    .from(payments)
    .where(inArray(payments.invoiceId, invoiceIds))
    .orderBy(asc(payments.paidAt), asc(payments.id));
}

/**
 * A deal's invoices with their payments, and the figures that must agree: the deal's amount,
 * what its live invoices claim, what was paid and what is owed — with `mismatch` set when the
 * invoices claim more than the deal is worth, so the card says so instead of hiding it.
 */
export async function listDealInvoices(ctx: ServiceContext, rawInput: { dealId: number }) {
  const { dealId } = dealRef.parse(rawInput);
  const deal = await dealInScope(ctx.db, ctx.actor, dealId);
  const rows = await ctx.db
    .select(invoiceColumns)
    .from(invoices)
    .leftJoin(proposalVersions, eq(proposalVersions.id, invoices.proposalVersionId))
    .leftJoin(proposals, eq(proposals.id, proposalVersions.proposalId))
    .where(and(eq(invoices.dealId, dealId), ownedWithin(ctx.actor, invoices.ownerId)))
    .orderBy(desc(invoices.year), desc(invoices.seq));
  const paid = await paymentsOf(ctx, rows.map((r) => r.id));
  const [summary] = await ctx.db
    .select({
      invoiced: sql<string>`coalesce(sum(${invoices.total}) filter (where ${invoices.status} <> 'cancelled'), 0)::numeric(16,2)::text`,
      paid: sql<string>`coalesce(sum(${invoices.paidAmount}) filter (where ${invoices.status} <> 'cancelled'), 0)::numeric(16,2)::text`,
      debt: sql<string>`coalesce(sum(${invoices.total} - ${invoices.paidAmount}) filter (where ${invoices.status} = 'issued'), 0)::numeric(16,2)::text`,
      mismatch: sql<boolean>`coalesce(sum(${invoices.total}) filter (where ${invoices.status} <> 'cancelled'), 0) > ${deal.amount}::numeric`,
    })
    .from(invoices)
    .where(eq(invoices.dealId, dealId));
  const day = await organisationDay(ctx.db, new Date());
  return {
    /** The organisation's calendar day, for "overdue" (a day past the due date). */
    today: day.localDate,
    dealAmount: deal.amount,
    currency: deal.currency,
    ...summary!,
    invoices: rows.map((r) => ({ ...r, payments: paid.filter((p) => p.invoiceId === r.id) })),
  };
}

const owners = alias(users, 'owner');

/** One invoice as a document to print, with its payments. */
export async function getInvoiceDocument(ctx: ServiceContext, rawInput: { invoiceId: number }) {
  const { invoiceId } = invoiceRef.parse(rawInput);
  const [row] = await ctx.db
    .select({
      ...invoiceColumns,
      dealTitle: deals.title,
      ownerName: owners.name,
      ownerEmail: owners.email,
      companyName: companies.name,
      companyInn: companies.inn,
      companyAddress: companies.address,
      contactLastName: contacts.lastName,
      contactFirstName: contacts.firstName,
    })
    .from(invoices)
    .innerJoin(owners, eq(owners.id, invoices.ownerId))
    .leftJoin(deals, eq(deals.id, invoices.dealId))
    .leftJoin(proposalVersions, eq(proposalVersions.id, invoices.proposalVersionId))
    .leftJoin(proposals, eq(proposals.id, proposalVersions.proposalId))
    .leftJoin(companies, eq(companies.id, invoices.companyId))
    .leftJoin(contacts, eq(contacts.id, invoices.contactId))
    .where(and(eq(invoices.id, invoiceId), ownedWithin(ctx.actor, invoices.ownerId)));
  if (!row) throw notFound('Invoice');
  return { ...row, payments: await paymentsOf(ctx, [row.id]), organisation: await getSeller(ctx) };
}
