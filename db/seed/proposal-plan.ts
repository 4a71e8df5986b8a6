/**
 * Commercial offers (КП) of a deal: 1–3 versions of the same items, later ones with a discount.
 * Money is integer kopecks; a line total is round(qty × price × (1 − discount) × (1 + VAT), 2)
 * computed exactly with BigInt, and a version's totals are sums of its lines.
 */
import { HOUR, MINUTE, mskDate } from './business-clock';
import type { SeedContext } from './context';
import { DEAL_LOST, DEAL_OPEN, DEAL_WON, type DealPath } from './deal-path';
import type { DealsPlan } from './deals-plan';
import type { Rng } from './random';
import { PIPELINES, PRODUCTS, type ProductDef } from './reference-data';

export interface ProposalItem {
  product: ProductDef;
  /** Thousandths of a unit. */
  quantity: number;
  /** Hundredths of a percent (500 = 5 %). */
  discount: number;
  gross: number;
  discountAmount: number;
  lineTotal: number;
}

export interface ProposalVersion {
  status: 'draft' | 'sent' | 'accepted' | 'rejected';
  createdAt: number;
  sentAt: number;
  answeredAt: number;
  validUntil: string;
  items: ProposalItem[];
  subtotal: number;
  discountTotal: number;
  vatTotal: number;
  total: number;
}

export interface ProposalPlan {
  createdAt: number;
  versions: ProposalVersion[];
}

const DIVISOR = 10n ** 11n; // 1000 (quantity) × 10^4 (discount) × 10^4 (VAT)

/** Round half up of a non-negative rational. */
function roundDiv(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (2n * denominator));
}

export function lineTotals(product: ProductDef, quantity: number, discount: number): Pick<ProposalItem, 'gross' | 'discountAmount' | 'lineTotal'> {
  const base = BigInt(quantity) * BigInt(product.price);
  const net = roundDiv(base * BigInt(10_000 - discount), 10_000_000n);
  const lineTotal = roundDiv(base * BigInt(10_000 - discount) * BigInt(10_000 + product.vatRate * 100), DIVISOR);
  const gross = roundDiv(base, 1000n);
  // Discount is whatever makes gross − discount equal the rounded net, so VAT never goes negative.
  return { gross, discountAmount: gross - net, lineTotal };
}

const MAIN_PRODUCTS = [1, 2] as const;

function chooseItems(rng: Rng, amount: number, pipelineIndex: number): { product: ProductDef; quantity: number }[] {
  const extras = PRODUCTS.filter((p) => !MAIN_PRODUCTS.includes(p.id as 1 | 2));
  const extraCount = pipelineIndex === 1 ? rng.int(0, 1) : rng.int(0, 3);
  const picked: { product: ProductDef; quantity: number }[] = [];
  const used = new Set<number>();
  let others = 0;
  for (let i = 0; i < extraCount; i++) {
    const product = rng.pick(extras);
    if (used.has(product.id)) continue;
    used.add(product.id);
    const units = rng.int(product.quantity[0], product.quantity[1]);
    picked.push({ product, quantity: units * 1000 });
    others += units * product.price * (1 + product.vatRate / 100);
  }
  // The licence line absorbs the rest so the offer lands near the deal amount.
  const main = PRODUCTS[rng.pick(MAIN_PRODUCTS) - 1]!;
  const units = Math.max(1, Math.min(5000, Math.round((amount - others) / (main.price * (1 + main.vatRate / 100)))));
  picked.unshift({ product: main, quantity: units * 1000 });
  return picked;
}

/**
 * The offers of deal d, or null when it has none. `path` must be the deal's path; `chance` is
 * the share of eligible deals that get an offer.
 */
export function planProposal(ctx: SeedContext, deals: DealsPlan, d: number, path: DealPath, rng: Rng, chance: number): ProposalPlan | null {
  const pipeline = PIPELINES[deals.pipeline[d]!]!;
  if (deals.pipeline[d] !== 0 || deals.furthestOrder[d]! <= pipeline.proposalPosition) return null;
  if (!rng.chance(chance)) return null;
  // When the deal reached the proposal stage (or the first stage past it).
  let reached = 0;
  for (let i = 0; i < path.positions.length; i++) {
    const p = path.positions[i]!;
    if (p >= pipeline.proposalPosition && p < pipeline.openCount) {
      reached = i;
      break;
    }
  }
  const created = path.realTimes[0]!;
  const status = deals.status[d]!;
  const end = status === DEAL_OPEN ? ctx.now - MINUTE : deals.closedAt[d]!;
  const firstSent = Math.max(created + MINUTE, path.realTimes[reached]! - 2 * HOUR);
  const count = rng.chance(0.55) ? 1 : rng.chance(0.67) ? 2 : 3;
  const items = chooseItems(rng, deals.amount[d]!, deals.pipeline[d]!);
  const versions: ProposalVersion[] = [];
  for (let v = 0; v < count; v++) {
    const isLast = v === count - 1;
    const sent = Math.floor((firstSent + ((end - firstSent) * v) / count) / 1000) * 1000;
    let state: ProposalVersion['status'] = 'rejected';
    let answered = NaN;
    if (!isLast) answered = sent + Math.floor(((end - firstSent) / count) * 0.5 / 1000) * 1000;
    else if (status === DEAL_WON) state = 'accepted';
    else if (status === DEAL_LOST) state = 'rejected';
    else if (deals.position[d]! > pipeline.proposalPosition) state = 'accepted';
    else state = count > 1 && rng.chance(0.2) ? 'draft' : 'sent';
    if (isLast && (state === 'accepted' || state === 'rejected')) {
      answered = Math.max(sent, Math.floor((sent + (end - sent) * 0.6) / 1000) * 1000);
    }
    const discount = v === 0 ? (rng.chance(0.7) ? 0 : 500) : Math.min(2000, 500 * (v + rng.int(0, 1)));
    const lines: ProposalItem[] = items.map(({ product, quantity }) => ({
      product,
      quantity,
      discount,
      ...lineTotals(product, quantity, discount),
    }));
    const subtotal = lines.reduce((s, l) => s + l.gross, 0);
    const discountTotal = lines.reduce((s, l) => s + l.discountAmount, 0);
    const total = lines.reduce((s, l) => s + l.lineTotal, 0);
    const draft = state === 'draft';
    versions.push({
      status: state,
      createdAt: Math.max(created, sent - HOUR),
      sentAt: draft ? NaN : sent,
      answeredAt: draft ? NaN : answered,
      validUntil: mskDate(sent + 14 * 24 * HOUR),
      items: lines,
      subtotal,
      discountTotal,
      vatTotal: total - subtotal + discountTotal,
      total,
    });
  }
  return { createdAt: versions[0]!.createdAt, versions };
}
