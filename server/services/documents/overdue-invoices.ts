import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { companies, contacts, deals, invoices } from '@/db/schema';
import type { ServiceContext } from '../context';
import { organisationDay } from '../today/org-day';

/**
 * The actor's own invoices past their due date with a debt (the Today screen's receivables
 * section): issued, not fully paid, due before today in the organisation's time zone. The same
 * rule as the receivables report's "overdue" (a day past the due date).
 */
export async function listMyOverdueInvoices(ctx: ServiceContext, options: { now?: Date } = {}) {
  const day = await organisationDay(ctx.db, options.now ?? new Date());
  return ctx.db
    .select({
      id: invoices.id,
      number: sql<string>`${invoices.year} || '-' || ${invoices.seq}`,
      dealId: invoices.dealId,
      dealTitle: deals.title,
      clientName: sql<string | null>`coalesce(${companies.name}, nullif(concat_ws(' ', ${contacts.lastName}, ${contacts.firstName}), ''))`,
      currency: invoices.currency,
      total: invoices.total,
      debt: sql<string>`(${invoices.total} - ${invoices.paidAmount})::numeric(14,2)::text`,
      dueDate: invoices.dueDate,
      daysOverdue: sql<number>`(${day.localDate}::date - ${invoices.dueDate})::int`,
    })
    .from(invoices)
    .leftJoin(deals, eq(deals.id, invoices.dealId))
    .leftJoin(companies, eq(companies.id, invoices.companyId))
    .leftJoin(contacts, eq(contacts.id, invoices.contactId))
    .where(
      and(
        eq(invoices.ownerId, ctx.actor.id),
        eq(invoices.status, 'issued'),
        lt(invoices.dueDate, day.localDate),
        gt(sql`${invoices.total} - ${invoices.paidAmount}`, 0),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(50);
}
