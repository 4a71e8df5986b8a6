import { z } from 'zod';
import { isoDate, moneyInput } from '../deals/schemas';

const id = z.number().int().positive();
const version = z.number().int().positive();

/** A decimal typed by people ("1,5" or "1.5") with at most `scale` decimals. */
const decimal = (scale: number, max: number, what: string) =>
  z
    .union([z.string(), z.number()])
    .transform((value) => String(value).replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'))
    .pipe(
      z
        .string()
        .regex(new RegExp(`^\\d{1,12}(\\.\\d{1,${scale}})?$`), { error: `must be ${what} with at most ${scale} decimals` })
        .refine((value) => Number(value) <= max, { error: `must be at most ${max}` }),
    );

const percent = decimal(2, 100, 'a percentage');

/** One line of an offer: a catalogue product (name, unit, price and VAT default from it) or free text. */
export const proposalLineInput = z.object({
  productId: id.nullish(),
  name: z.string().trim().min(1).max(300),
  unit: z.string().trim().min(1).max(20).default('шт'),
  quantity: decimal(3, 1e9, 'a quantity').refine((value) => Number(value) > 0, { error: 'must be above 0' }),
  price: moneyInput,
  discountPct: percent.default('0'),
  vatRate: percent.default('20'),
});
export type ProposalLineInput = z.input<typeof proposalLineInput>;

const lines = z.array(proposalLineInput).min(1, { error: 'an offer needs at least one line' }).max(200);
const notes = z.string().trim().max(2000).nullish();

export const createProposalInput = z.object({
  dealId: id,
  title: z.string().trim().min(1).max(300),
  validUntil: isoDate.nullish(),
  notes,
  items: lines,
});
export type CreateProposalInput = z.input<typeof createProposalInput>;

/** Edits a draft version's lines in place (a sent version is frozen: make a new version instead). */
export const updateDraftInput = z.object({
  versionId: id,
  version,
  validUntil: isoDate.nullish(),
  notes,
  items: lines,
});
export type UpdateDraftInput = z.input<typeof updateDraftInput>;

export const proposalRef = z.object({ proposalId: id });

export const versionAction = z.object({ versionId: id, version });

export const acceptVersionInput = versionAction.extend({
  /** Make the deal's amount the offer's total, in the same transaction. */
  setDealAmount: z.boolean().default(false),
});

export const dealRef = z.object({ dealId: id });
export const versionRef = z.object({ versionId: id });
export const invoiceRef = z.object({ invoiceId: id });
export const companyRef = z.object({ companyId: id });

export const createInvoiceInput = z.discriminatedUnion('source', [
  z.object({ source: z.literal('proposal'), versionId: id, dueDate: isoDate, allowAboveDealAmount: z.boolean().default(false) }),
  z.object({ source: z.literal('manual'), dealId: id, total: moneyInput, dueDate: isoDate, allowAboveDealAmount: z.boolean().default(false) }),
]);
export type CreateInvoiceInput = z.input<typeof createInvoiceInput>;

export const addPaymentInput = z.object({
  invoiceId: id,
  amount: moneyInput.refine((value) => Number(value) > 0, { error: 'must be above 0' }),
  paidAt: z.coerce.date().optional(),
  method: z.string().trim().max(50).nullish(),
  comment: z.string().trim().max(500).nullish(),
});
export type AddPaymentInput = z.input<typeof addPaymentInput>;

export const cancelInvoiceInput = z.object({ invoiceId: id, version });

export const createFeedbackInput = z.object({
  dealId: id,
  sentiment: z.enum(['positive', 'negative']),
  text: z.string().trim().min(1).max(5000),
});
export type CreateFeedbackInput = z.input<typeof createFeedbackInput>;
