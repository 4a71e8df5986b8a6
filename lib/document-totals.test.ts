import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentTotals, kopecksToString, lineTotals, toScaled, type LineInput } from './document-totals';

const line = (quantity: string, price: string, discountPct = '0', vatRate = '20'): LineInput => ({ quantity, price, discountPct, vatRate });
const asMoney = (totals: { gross: bigint; discount: bigint; net: bigint; vat: bigint; total: bigint }) =>
  Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, kopecksToString(v)]));

describe('offer totals on hand-checked examples', () => {
  it('2 × 1 000,00 with 10 % off and 20 % VAT', () => {
    expect(asMoney(lineTotals(line('2', '1000.00', '10', '20')))).toEqual({ gross: '2000.00', discount: '200.00', net: '1800.00', vat: '360.00', total: '2160.00' });
  });

  it('3 × 33,33 with 20 % VAT rounds 119,988 to 119,99', () => {
    expect(asMoney(lineTotals(line('3', '33.33')))).toEqual({ gross: '99.99', discount: '0.00', net: '99.99', vat: '20.00', total: '119.99' });
  });

  it('rounds once: 1,5 × 99,99, 5 % off, 10 % VAT is 156,73 (rounding the net first would give 156,74)', () => {
    // exact: 149.985 × 0.95 = 142.48575; × 1.1 = 156.734325
    expect(asMoney(lineTotals(line('1.5', '99.99', '5', '10')))).toEqual({ gross: '149.99', discount: '7.50', net: '142.49', vat: '14.24', total: '156.73' });
  });

  it('0 % VAT and 100 % discount', () => {
    expect(kopecksToString(lineTotals(line('1', '500', '0', '0')).total)).toBe('500.00');
    expect(asMoney(lineTotals(line('4', '250.50', '100', '20')))).toEqual({ gross: '1002.00', discount: '1002.00', net: '0.00', vat: '0.00', total: '0.00' });
  });

  it('an offer of two lines sums them', () => {
    const totals = documentTotals([line('2', '1000.00', '10', '20'), line('3', '33.33')]);
    expect([totals.subtotal, totals.discountTotal, totals.vatTotal, totals.total].map(kopecksToString)).toEqual(['2099.99', '200.00', '380.00', '2279.99']);
  });

  it('refuses anything but a plain decimal of the right scale', () => {
    expect(() => toScaled('1e3', 2)).toThrow();
    expect(() => toScaled('1.234', 2)).toThrow();
    expect(() => toScaled('-1', 2)).toThrow();
    expect(toScaled('12.5', 3)).toBe(12_500n);
  });
});

/** A decimal string with up to `scale` decimals from an integer of that scale. */
const decimal = (max: number, scale: number) =>
  fc.integer({ min: 0, max }).map((n) => {
    const s = String(n).padStart(scale + 1, '0');
    return `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  });
const lineArb = fc.record({
  quantity: decimal(10_000_000, 3).filter((q) => q !== '0.000' && Number(q) > 0),
  price: decimal(1_000_000_000, 2),
  discountPct: decimal(10_000, 2),
  vatRate: fc.constantFrom('0', '10', '20', '12.5', '5.00'),
});

describe('offer totals for any lines (property)', () => {
  it('line sums equal the offer totals, subtotal − discount + VAT = total, nothing negative', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 20 }), (lines) => {
        const totals = documentTotals(lines);
        const sum = (pick: (l: (typeof totals.lines)[number]) => bigint) => totals.lines.reduce((s, l) => s + pick(l), 0n);
        expect(totals.total).toBe(sum((l) => l.total));
        expect(totals.subtotal).toBe(sum((l) => l.gross));
        expect(totals.subtotal - totals.discountTotal + totals.vatTotal).toBe(totals.total);
        for (const l of totals.lines) {
          expect(l.discount >= 0n && l.vat >= 0n && l.net >= 0n).toBe(true);
          expect(l.gross - l.discount).toBe(l.net);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('each line total is the exact amount rounded half up once (within half a kopeck, ties up)', () => {
    fc.assert(
      fc.property(lineArb, (l) => {
        // Exact value ×10^11 kopecks: quantity ×10^3, price in kopecks, (1 − d) ×10^4, (1 + VAT) ×10^4.
        const exact = toScaled(l.quantity, 3) * toScaled(l.price, 2) * (10_000n - toScaled(l.discountPct, 2)) * (10_000n + toScaled(l.vatRate, 2));
        const scale = 100_000_000_000n;
        const total = lineTotals(l).total * scale;
        // total − ½ ≤ exact < total + ½ (in kopecks): the nearest kopeck, half up.
        expect(total * 2n - scale <= exact * 2n && exact * 2n < total * 2n + scale).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
