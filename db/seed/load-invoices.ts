/**
 * Invoices and payments. Numbers are gapless per year in issue order, so invoices are planned
 * first, sorted by issue date, numbered, and only then written. paid_amount is the exact sum of
 * the payments; some invoices are partly paid, some unpaid and past due (receivables).
 */
import { DAY, MINUTE, dayParts, isoDay, mskDay, toReal, toVirtual } from './business-clock';
import type { BulkSession } from './bulk-loader';
import type { SeedContext } from './context';
import { NULL, line, money, ref, text, ts } from './copy-text';
import { DEAL_LOST, DEAL_WON } from './deal-path';
import type { DealsPlan } from './deals-plan';
import type { ProposalLinks } from './load-proposals';
import { Rng, STREAM } from './random';
import { PIPELINES } from './reference-data';
import { PAYMENT_METHODS } from './vocabulary-sales';

interface Payment {
  amount: number;
  paidAt: number;
  method: string;
}

interface InvoicePlan {
  deal: number;
  issuedAt: number;
  issueDay: number;
  dueDay: number;
  total: number;
  status: 'issued' | 'paid' | 'cancelled';
  payments: Payment[];
}

const DUE_DAYS = [5, 10, 14, 30] as const;

/** A payment time after `from` (real), within `days` business days, never after now. */
function paymentTime(ctx: SeedContext, rng: Rng, from: number, days: number): number {
  const vFrom = toVirtual(from);
  const v = Math.min(ctx.vNow - MINUTE, vFrom + rng.next() * days * DAY);
  return Math.max(from, toReal(Math.max(vFrom, v)));
}

function planInvoices(ctx: SeedContext, deals: DealsPlan, links: ProposalLinks): InvoicePlan[] {
  const expectedOpen = deals.invoiceCandidatesOpen * 0.8;
  const wonChance = Math.min(1, Math.max(0, ctx.params.invoices - expectedOpen) / Math.max(1, deals.invoiceCandidatesWon));
  const rng = new Rng();
  const invoices: InvoicePlan[] = [];
  for (let d = 0; d < deals.count; d++) {
    const status = deals.status[d]!;
    if (status === DEAL_LOST) continue;
    const pipeline = PIPELINES[deals.pipeline[d]!]!;
    const won = status === DEAL_WON;
    if (!won && deals.position[d] !== pipeline.invoicePosition) continue;
    rng.at(ctx.seed, STREAM.invoice, d);
    if (!rng.chance(won ? wonChance : 0.8)) continue;
    const created = toReal(deals.vCreated[d]!);
    const issuedAt = won
      ? Math.max(created, deals.closedAt[d]! - Math.floor(rng.next() * 2 * DAY / 1000) * 1000)
      : deals.stageEnteredAt[d]!;
    const issueDay = mskDay(issuedAt);
    const total = links.acceptedVersion[d]! > 0 ? links.acceptedTotal[d]! : deals.amount[d]!;
    const invoice: InvoicePlan = { deal: d, issuedAt, issueDay, dueDay: issueDay + rng.pick(DUE_DAYS), total, status: 'issued', payments: [] };
    const roll = rng.next();
    if (!won && roll < 0.04) {
      invoice.status = 'cancelled';
    } else if (won ? roll < 0.75 : roll >= 0.6) {
      // Fully paid (won) or a prepayment (open): one or two transfers.
      // Whole roubles rounded down, so a payment never exceeds what is due.
      const due = won ? total : Math.floor(total / 200) * 100;
      const split = won && rng.chance(0.3) ? Math.floor((due * (rng.chance(0.5) ? 0.5 : 0.3)) / 100) * 100 : due;
      const first = paymentTime(ctx, rng, issuedAt, 12);
      invoice.payments.push({ amount: split, paidAt: first, method: rng.pick(PAYMENT_METHODS) });
      if (split < due) invoice.payments.push({ amount: due - split, paidAt: paymentTime(ctx, rng, first, 15), method: rng.pick(PAYMENT_METHODS) });
    } else if (won && roll < 0.9) {
      const part = Math.floor((total * (0.3 + rng.next() * 0.4)) / 100) * 100;
      invoice.payments.push({ amount: part, paidAt: paymentTime(ctx, rng, issuedAt, 12), method: rng.pick(PAYMENT_METHODS) });
    }
    const paid = invoice.payments.reduce((s, p) => s + p.amount, 0);
    if (invoice.status !== 'cancelled' && paid === total && total > 0) invoice.status = 'paid';
    invoices.push(invoice);
  }
  invoices.sort((a, b) => a.issuedAt - b.issuedAt || a.deal - b.deal);
  return invoices;
}

export async function loadInvoices(
  ctx: SeedContext,
  session: BulkSession,
  deals: DealsPlan,
  links: ProposalLinks,
  counts: Record<string, number>,
): Promise<void> {
  const invoices = planInvoices(ctx, deals, links);
  const seqByYear = new Map<number, number>();
  counts.invoices = await session.copy(
    'invoices',
    ['id', 'year', 'seq', 'deal_id', 'company_id', 'contact_id', 'proposal_version_id', 'owner_id', 'status', 'currency', 'total', 'paid_amount', 'issue_date', 'due_date', 'created_at', 'updated_at', 'version'],
    async (w) => {
      invoices.forEach((inv, i) => {
        const year = dayParts(inv.issueDay).year;
        const seq = (seqByYear.get(year) ?? 0) + 1;
        seqByYear.set(year, seq);
        const d = inv.deal;
        const paid = inv.payments.reduce((s, p) => s + p.amount, 0);
        const lastPayment = inv.payments.reduce((m, p) => Math.max(m, p.paidAt), inv.issuedAt);
        w.push(
          line([
            String(i + 1),
            String(year),
            String(seq),
            String(d + 1),
            ref(deals.company[d]! + 1),
            ref(deals.contact[d]! + 1),
            ref(links.acceptedVersion[d]!),
            String(deals.owner[d]!),
            inv.status,
            'RUB',
            money(inv.total),
            money(paid),
            isoDay(inv.issueDay),
            isoDay(inv.dueDay),
            ts(inv.issuedAt),
            ts(lastPayment),
            String(1 + inv.payments.length),
          ]),
        );
      });
    },
  );
  let paymentId = 0;
  counts.payments = await session.copy(
    'payments',
    ['id', 'invoice_id', 'amount', 'paid_at', 'method', 'comment', 'created_by', 'created_at', 'updated_at'],
    async (w) => {
      invoices.forEach((inv, i) => {
        for (const p of inv.payments) {
          const at = ts(p.paidAt);
          w.push(line([String(++paymentId), String(i + 1), money(p.amount), at, text(p.method), NULL, String(deals.owner[inv.deal]!), at, at]));
        }
      });
    },
  );
}
