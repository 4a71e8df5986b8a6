import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, money, timestamps, versioned } from './columns';
import { users } from './users';
import { deals } from './deals';
import { companies, contacts } from './clients';
import { PROPOSAL_STATUSES, INVOICE_STATUSES } from './enums';
export { PROPOSAL_STATUSES, INVOICE_STATUSES } from './enums';

export const products = pgTable(
  'products',
  {
    id: id(),
    /** The Russian name; `nameEn` is the English one (falls back to this when empty). */
    name: text('name').notNull(),
    nameEn: text('name_en'),
    sku: text('sku'),
    unit: text('unit').notNull().default('шт'),
    price: money('price').notNull(),
    currency: char('currency', { length: 3 }).notNull().default('RUB'),
    /** VAT rate in percent (20, 10, 0). */
    vatRate: numeric('vat_rate', { precision: 5, scale: 2 }).notNull().default('20'),
    isArchived: boolean('is_archived').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    check('products_price_check', sql`${t.price} >= 0`),
    check('products_vat_check', sql`${t.vatRate} between 0 and 100`),
    uniqueIndex('products_sku_unique').on(t.sku),
  ],
);

/** A commercial offer (КП) on a deal; its content lives in numbered versions. */
export const proposals = pgTable(
  'proposals',
  {
    id: id(),
    number: integer('number').notNull(),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    ...timestamps,
    ...versioned,
  },
  (t) => [uniqueIndex('proposals_number_unique').on(t.number), index('proposals_deal_idx').on(t.dealId)],
);

export const proposalVersions = pgTable(
  'proposal_versions',
  {
    id: id(),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('draft'),
    currency: char('currency', { length: 3 }).notNull().default('RUB'),
    subtotal: money('subtotal').notNull().default('0'),
    discountTotal: money('discount_total').notNull().default('0'),
    vatTotal: money('vat_total').notNull().default('0'),
    total: money('total').notNull().default('0'),
    validUntil: date('valid_until'),
    notes: text('notes'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('proposal_versions_no_unique').on(t.proposalId, t.versionNo),
    check('proposal_versions_status_check', sql`${t.status} in ('draft', 'sent', 'accepted', 'rejected')`),
    check('proposal_versions_sent_check', sql`${t.status} = 'draft' or ${t.sentAt} is not null`),
    check('proposal_versions_total_check', sql`${t.total} >= 0`),
    index('proposal_versions_sent_open_idx')
      .on(t.sentAt)
      .where(sql`${t.status} = 'sent'`),
  ],
);

export const proposalItems = pgTable(
  'proposal_items',
  {
    id: id(),
    proposalVersionId: integer('proposal_version_id')
      .notNull()
      .references(() => proposalVersions.id, { onDelete: 'cascade' }),
    productId: integer('product_id').references(() => products.id),
    name: text('name').notNull(),
    unit: text('unit').notNull().default('шт'),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    price: money('price').notNull(),
    discountPct: numeric('discount_pct', { precision: 5, scale: 2 }).notNull().default('0'),
    vatRate: numeric('vat_rate', { precision: 5, scale: 2 }).notNull().default('20'),
    lineTotal: money('line_total').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('proposal_items_version_idx').on(t.proposalVersionId),
    check('proposal_items_quantity_check', sql`${t.quantity} > 0`),
    check('proposal_items_price_check', sql`${t.price} >= 0`),
    check('proposal_items_discount_check', sql`${t.discountPct} between 0 and 100`),
  ],
);

export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    /** Gapless sequence per year: number = "<year>-<seq>". */
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    dealId: integer('deal_id').references(() => deals.id),
    companyId: integer('company_id').references(() => companies.id),
    contactId: integer('contact_id').references(() => contacts.id),
    proposalVersionId: integer('proposal_version_id').references(() => proposalVersions.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: INVOICE_STATUSES }).notNull().default('issued'),
    currency: char('currency', { length: 3 }).notNull().default('RUB'),
    total: money('total').notNull(),
    paidAmount: money('paid_amount').notNull().default('0'),
    issueDate: date('issue_date').notNull(),
    dueDate: date('due_date').notNull(),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('invoices_year_seq_unique').on(t.year, t.seq),
    check('invoices_status_check', sql`${t.status} in ('draft', 'issued', 'paid', 'cancelled')`),
    check('invoices_total_check', sql`${t.total} >= 0`),
    check('invoices_paid_check', sql`${t.paidAmount} >= 0 and ${t.paidAmount} <= ${t.total}`),
    check('invoices_due_check', sql`${t.dueDate} >= ${t.issueDate}`),
    index('invoices_owner_due_idx').on(t.ownerId, t.dueDate),
    index('invoices_deal_idx').on(t.dealId),
    index('invoices_company_idx').on(t.companyId),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: id(),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    amount: money('amount').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    method: text('method'),
    comment: text('comment'),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('payments_amount_check', sql`${t.amount} > 0`),
    index('payments_invoice_idx').on(t.invoiceId),
    index('payments_paid_idx').on(t.paidAt),
  ],
);
