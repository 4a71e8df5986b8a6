/**
 * Totals of a commercial offer, exact: every figure is computed from decimal strings as integers
 * (kopecks and scaled factors, BigInt) and rounded to kopecks once, half up — never a float.
 * Prices are before VAT; a line's total includes VAT:
 *   line total = round(quantity × price × (1 − discount%) × (1 + VAT%), 2)
 * and the offer's total is the sum of its line totals (the seed's integrity checks hold the same).
 * Shared by the server (which stores the figures) and the offer form (which previews them).
 */

export interface LineInput {
  /** Up to 3 decimals, > 0. */
  quantity: string;
  /** Price per unit before VAT, up to 2 decimals. */
  price: string;
  /** Percent, up to 2 decimals, 0 … 100. */
  discountPct: string;
  /** Percent, up to 2 decimals, 0 … 100. */
  vatRate: string;
}

export interface LineTotals {
  /** quantity × price, rounded to kopecks. */
  gross: bigint;
  /** gross − net: whatever makes the rounded net exact, so VAT never goes negative. */
  discount: bigint;
  /** Net of discount, before VAT. */
  net: bigint;
  vat: bigint;
  total: bigint;
}

export interface DocumentTotals {
  subtotal: bigint;
  discountTotal: bigint;
  vatTotal: bigint;
  total: bigint;
  lines: LineTotals[];
}

/** "12.5" with scale 3 → 12500n. Throws on anything but a plain non-negative decimal. */
export function toScaled(value: string, scale: number): bigint {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!match) throw new Error(`not a decimal: ${value}`);
  const fraction = match[2] ?? '';
  if (fraction.length > scale) throw new Error(`more than ${scale} decimals: ${value}`);
  return BigInt(match[1]! + fraction.padEnd(scale, '0'));
}

/** 123456n kopecks → "1234.56". */
export function kopecksToString(kopecks: bigint): string {
  const sign = kopecks < 0n ? '-' : '';
  const abs = kopecks < 0n ? -kopecks : kopecks;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Round half up of numerator / denominator, both non-negative. */
function roundDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (2n * denominator);
}

export function lineTotals(line: LineInput): LineTotals {
  // quantity ×10^3, price in kopecks, percents ×10^2: base is kopecks ×10^3.
  const base = toScaled(line.quantity, 3) * toScaled(line.price, 2);
  const keep = 10_000n - toScaled(line.discountPct, 2); // (1 − discount) ×10^4
  const vat = 10_000n + toScaled(line.vatRate, 2); // (1 + VAT) ×10^4
  const gross = roundDiv(base, 1_000n);
  const net = roundDiv(base * keep, 10_000_000n);
  const total = roundDiv(base * keep * vat, 100_000_000_000n);
  return { gross, discount: gross - net, net, vat: total - net, total };
}

export function documentTotals(lines: LineInput[]): DocumentTotals {
  const computed = lines.map(lineTotals);
  const sum = (pick: (l: LineTotals) => bigint) => computed.reduce((s, l) => s + pick(l), 0n);
  return {
    subtotal: sum((l) => l.gross),
    discountTotal: sum((l) => l.discount),
    vatTotal: sum((l) => l.vat),
    total: sum((l) => l.total),
    lines: computed,
  };
}
