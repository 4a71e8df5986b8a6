import type { OwnerHistory } from './planner-history';

/**
 * The target planner's arithmetic (DESIGN.md §6), free of any database: from a history's figures
 * and a revenue target, what it takes, and whether history says it is within reach.
 */

/** Too little history to plan on: fewer won deals or closed deals of the pipeline than this. */
export const MIN_WON_DEALS = 3;
export const MIN_CLOSED_DEALS = 5;
/** A figure above the best month × this is out of reach. */
export const REACH_FACTOR = 1.5;

export interface PlanFigures {
  averageWonSize: number | null;
  /** Step conversion from each open stage to the next, the last one to won; null: none reached the stage. */
  stepConversions: (number | null)[];
  /** Won / closed deals of the pipeline created in the window. */
  winRate: number | null;
  callsPerNewDeal: number | null;
  meetingsPerNewDeal: number | null;
  cycleDays: number | null;
}

export function figuresOf(history: OwnerHistory): PlanFigures {
  const steps = history.reached.map((reached, k) => {
    const next = k + 1 < history.reached.length ? history.reached[k + 1]! : history.won;
    return reached === 0 ? null : next / reached;
  });
  return {
    averageWonSize: history.wonDeals === 0 ? null : history.wonAmount / history.wonDeals,
    stepConversions: steps,
    winRate: history.reached[0] ? history.won / history.reached[0] : null,
    callsPerNewDeal: history.newDeals === 0 ? null : history.calls / history.newDeals,
    meetingsPerNewDeal: history.newDeals === 0 ? null : history.meetings / history.newDeals,
    cycleDays: history.cycleDays,
  };
}

/** Enough history of one's own to plan on. */
export function hasEnoughHistory(history: OwnerHistory): boolean {
  return history.wonDeals >= MIN_WON_DEALS && (history.reached[0] ?? 0) >= MIN_CLOSED_DEALS;
}

/** Several histories as one (the team's figures for a manager with too little of their own). */
export function poolHistories(histories: OwnerHistory[]): OwnerHistory {
  const sum = (pick: (h: OwnerHistory) => number) => histories.reduce((acc, h) => acc + pick(h), 0);
  const wonDeals = sum((h) => h.wonDeals);
  const max = (pick: (h: OwnerHistory) => number) => histories.reduce((acc, h) => Math.max(acc, pick(h)), 0);
  const conversions = histories.map((h) => h.best.conversion).filter((c): c is number => c !== null);
  return {
    wonDeals,
    wonAmount: sum((h) => h.wonAmount),
    cycleDays: wonDeals === 0 ? null : sum((h) => (h.cycleDays ?? 0) * h.wonDeals) / wonDeals,
    newDeals: sum((h) => h.newDeals),
    calls: sum((h) => h.calls),
    meetings: sum((h) => h.meetings),
    reached: (histories[0]?.reached ?? []).map((_, k) => sum((h) => h.reached[k] ?? 0)),
    won: sum((h) => h.won),
    // "Best month" of the team for one person: the best any of its members did.
    best: {
      revenue: max((h) => h.best.revenue),
      wonDeals: max((h) => h.best.wonDeals),
      newDeals: max((h) => h.best.newDeals),
      calls: max((h) => h.best.calls),
      conversion: conversions.length ? Math.max(...conversions) : null,
    },
  };
}

export type ReachFlag =
  | { kind: 'aboveBestMonth'; metric: 'revenue' | 'won_deals' | 'new_deals' | 'calls'; needed: number; best: number }
  /** needed null: no month of the history brought a new deal. */
  | { kind: 'conversionNeverReached'; needed: number | null; best: number | null }
  /** stage null: the won stage. */
  | { kind: 'stageNeverReached'; stage: string | null };

export interface Plan {
  wonDeals: number;
  /** Deals needed at each open stage (in order); the first is the new deals needed. */
  stageDeals: number[];
  newDeals: number;
  calls: number;
  meetings: number;
  perWorkingDay: { newDeals: number; calls: number; meetings: number };
}

export type PlanOutcome = { plan: Plan; flags: ReachFlag[] } | { plan: null; flags: ReachFlag[] };

/** x rounded up, after trimming float noise (10 / 0.5 = 20, never 21). */
const up = (x: number) => Math.ceil(Math.round(x * 1e9) / 1e9);
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * What a revenue target takes: won deals = target / average won size; deals at each stage =
 * won deals / the chained conversion from that stage to won (each rounded up on its own, so a
 * stage never needs fewer than the next); calls and meetings = new deals × per new deal; per
 * working day over `workingDays`. Flags: a figure above the best month × 1.5; a stage no deal of
 * the history ever reached; a conversion never reached — the won deals needed out of the most new
 * deals in reach (best month × 1.5) beat the best month's conversion.
 */
export function buildPlan(target: number, history: OwnerHistory, stageNames: string[], workingDays: number): PlanOutcome {
  const figures = figuresOf(history);
  const flags: ReachFlag[] = [];
  const never = figures.stepConversions.findIndex((c) => !c);
  if (never >= 0) flags.push({ kind: 'stageNeverReached', stage: stageNames[never + 1] ?? null });
  if (figures.averageWonSize === null || never >= 0) return { plan: null, flags };
  const wonDeals = up(target / figures.averageWonSize);
  const stageDeals = figures.stepConversions.map((_, k) => up(wonDeals / figures.stepConversions.slice(k).reduce<number>((acc, c) => acc * c!, 1)));
  const newDeals = stageDeals[0] ?? wonDeals;
  const calls = up(newDeals * (figures.callsPerNewDeal ?? 0));
  const meetings = up(newDeals * (figures.meetingsPerNewDeal ?? 0));
  const per = (x: number) => (workingDays > 0 ? oneDecimal(x / workingDays) : x);
  const best = history.best;
  const above = (metric: 'revenue' | 'won_deals' | 'new_deals' | 'calls', needed: number, bestValue: number) => {
    if (needed > bestValue * REACH_FACTOR) flags.push({ kind: 'aboveBestMonth', metric, needed, best: bestValue });
  };
  above('revenue', target, best.revenue);
  above('won_deals', wonDeals, best.wonDeals);
  above('new_deals', newDeals, best.newDeals);
  if (figures.callsPerNewDeal !== null && figures.callsPerNewDeal > 0) above('calls', calls, best.calls);
  const capacity = best.newDeals * REACH_FACTOR;
  const neededConversion = capacity > 0 ? wonDeals / capacity : null;
  if (neededConversion === null || best.conversion === null || neededConversion > best.conversion) {
    flags.push({ kind: 'conversionNeverReached', needed: neededConversion, best: best.conversion });
  }
  return { plan: { wonDeals, stageDeals, newDeals, calls, meetings, perWorkingDay: { newDeals: per(newDeals), calls: per(calls), meetings: per(meetings) } }, flags };
}

/** The team's best and median figures beside a manager's (from its members with enough history). */
export function teamBenchmarks(histories: OwnerHistory[]): { best: PlanFigures; median: PlanFigures; managers: number } | null {
  const figures = histories.filter(hasEnoughHistory).map(figuresOf);
  if (figures.length === 0) return null;
  const values = (pick: (f: PlanFigures) => number | null) => figures.map(pick).filter((v): v is number => v !== null).sort((a, b) => a - b);
  const median = (pick: (f: PlanFigures) => number | null) => {
    const v = values(pick);
    if (v.length === 0) return null;
    const mid = Math.floor(v.length / 2);
    return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  };
  // "Best" is the highest size and conversion, the fewest calls per deal and the shortest cycle.
  const highest = (pick: (f: PlanFigures) => number | null) => values(pick).at(-1) ?? null;
  const lowest = (pick: (f: PlanFigures) => number | null) => values(pick)[0] ?? null;
  const steps = figures[0]!.stepConversions.map((_, k) => k);
  const build = (high: typeof highest, low: typeof lowest): PlanFigures => ({
    averageWonSize: high((f) => f.averageWonSize),
    stepConversions: steps.map((k) => high((f) => f.stepConversions[k] ?? null)),
    winRate: high((f) => f.winRate),
    callsPerNewDeal: low((f) => f.callsPerNewDeal),
    meetingsPerNewDeal: low((f) => f.meetingsPerNewDeal),
    cycleDays: low((f) => f.cycleDays),
  });
  return { best: build(highest, lowest), median: build(median, median), managers: figures.length };
}
