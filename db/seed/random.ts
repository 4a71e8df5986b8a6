/**
 * Deterministic randomness. Every entity (deal 17, lead 42, ...) draws from its own stream
 * seeded by (seed, stream tag, index), so a later pass can recompute exactly what an earlier
 * pass drew without storing it, and the order in which entities are generated never matters.
 */

/** Stream tags: one per kind of entity, so two kinds never share a stream. */
export const STREAM = {
  staff: 1,
  companyTime: 2,
  company: 3,
  contactTime: 4,
  contact: 5,
  dealTime: 6,
  dealClient: 7,
  dealPath: 8,
  leadTime: 9,
  lead: 10,
  leadPerson: 11,
  leadDuplicate: 12,
  dealActivity: 13,
  leadActivity: 14,
  proposal: 15,
  invoice: 16,
  feedback: 17,
  target: 18,
  contactLead: 19,
  companyName: 20,
  contactName: 21,
  leadRow: 22,
  dealRow: 23,
  companyRow: 24,
  contactRow: 25,
} as const;

/** 32-bit avalanche mix of two integers (murmur3 finaliser over a golden-ratio combine). */
export function mix32(a: number, b: number): number {
  let h = (a ^ Math.imul(b ^ (b >>> 16), 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function streamSeed(seed: number, tag: number, index: number): number {
  return mix32(mix32(seed >>> 0, tag), index >>> 0);
}

/** mulberry32 with a resettable state: hot loops reuse one instance instead of allocating. */
export class Rng {
  private state: number;

  constructor(seed = 0) {
    this.state = seed >>> 0;
  }

  reset(seed: number): this {
    this.state = seed >>> 0;
    return this;
  }

  /** Re-seeds for entity `index` of stream `tag`. */
  at(seed: number, tag: number, index: number): this {
    return this.reset(streamSeed(seed, tag, index));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Rng.pick: empty list');
    return item;
  }

  /** Standard normal (Box-Muller; one value per call keeps the stream simple to reason about). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median; sigma is the spread of the underlying normal. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson for the small means used here (Knuth). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit && k < 100) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

/** Weighted choice over a fixed list: cumulative weights precomputed once. */
export class WeightedTable {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new Error('WeightedTable: no weights');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new Error('WeightedTable: weights sum to zero');
    this.total = sum;
  }

  /** Index of the chosen weight. */
  pick(rng: Rng): number {
    const target = rng.next() * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
