/**
 * The life of one deal through its pipeline: it starts in the first stage, moves only forward
 * (sometimes skipping stages) and ends won, lost, or still open at `now`. Every deal draws from
 * its own stream, so the deals pass and the stage-history pass compute the same path.
 */
import { DAY, MINUTE, SECOND, toReal } from './business-clock';
import { Rng, STREAM, WeightedTable } from './random';
import type { PipelineDef } from './reference-data';

export const DEAL_OPEN = 0;
export const DEAL_WON = 1;
export const DEAL_LOST = 2;

export interface DealPath {
  /** Stage positions reached, in order (index into pipeline.stages); the first is always 0. */
  positions: number[];
  /** Real time (UTC ms) of entering each of them: strictly increasing; [0] is the creation. */
  realTimes: number[];
  status: number;
  /** Position of the stage a lost deal was lost from (-1 otherwise). */
  lostFrom: number;
  /** sort_order of the furthest open stage reached. */
  furthestOrder: number;
  /** Virtual time the manager expected to close. */
  vPlannedClose: number;
  /** Virtual time of the last move. */
  vLastMove: number;
}

export function emptyPath(): DealPath {
  return { positions: [], realTimes: [], status: DEAL_OPEN, lostFrom: -1, furthestOrder: 1, vPlannedClose: 0, vLastMove: 0 };
}

const LOSS_STAGE_WEIGHTS = [28, 24, 18, 14, 10, 6];
const lossStagePickers = new Map<number, WeightedTable>();

function lossStagePicker(openCount: number): WeightedTable {
  let picker = lossStagePickers.get(openCount);
  if (!picker) {
    picker = new WeightedTable(LOSS_STAGE_WEIGHTS.slice(0, openCount));
    lossStagePickers.set(openCount, picker);
  }
  return picker;
}

const fractions: number[] = [];
const intended: number[] = [];

export interface DealPathInput {
  seed: number;
  deal: number;
  pipeline: PipelineDef;
  vCreated: number;
  vNow: number;
  winRate: number;
  /** Deals of a manager who left must be closed before he left (virtual; Infinity = no limit). */
  vCloseBy: number;
}

export function planDealPath(input: DealPathInput, rng: Rng, out: DealPath): DealPath {
  const { pipeline, vCreated, vNow, vCloseBy } = input;
  rng.at(input.seed, STREAM.dealPath, input.deal);
  const m = pipeline.openCount;
  const won = rng.chance(input.winRate);
  const forced = vCloseBy !== Infinity;
  const stale = !forced && rng.chance(0.08) && vCreated > vNow - 260 * DAY;
  let cycle = Math.min(160 * DAY, Math.max(0.05 * DAY, rng.logNormal(pipeline.cycleMedianDays, 0.85) * DAY));

  const lastOpen = won ? m - 1 : lossStagePicker(m).pick(rng);
  intended.length = 0;
  intended.push(0);
  for (let p = 1; p <= lastOpen; p++) {
    const mustVisit = !won && p === lastOpen;
    if (mustVisit || rng.chance(won && p === m - 1 ? 0.75 : 0.8)) intended.push(p);
  }
  if (!won) cycle *= 0.35 + (0.65 * (lastOpen + 1)) / m;
  if (forced) cycle = Math.min(cycle, (vCloseBy - vCreated) * (0.3 + 0.6 * rng.next()));
  out.vPlannedClose = vCreated + cycle * (0.8 + 0.5 * rng.next());

  // Move times as fractions of the cycle: intermediate moves anywhere, the close at the end.
  fractions.length = 0;
  for (let i = 1; i < intended.length; i++) fractions.push(rng.next());
  fractions.sort((a, b) => a - b);
  fractions.push(1);
  const stopAt = stale ? Math.floor(rng.next() * intended.length) : intended.length;
  const timeScale = stale ? 0.6 : 1;

  out.positions.length = 0;
  out.realTimes.length = 0;
  out.positions.push(0);
  out.realTimes.push(toReal(vCreated));
  out.vLastMove = vCreated;
  const horizon = vNow - MINUTE;
  let closed = false;
  for (let i = 1; i <= intended.length; i++) {
    const isClose = i === intended.length;
    if (isClose && stale) break;
    if (!isClose && i > stopAt) break;
    const v = vCreated + fractions[i - 1]! * cycle * timeScale;
    if (v >= horizon) break;
    const position = isClose ? (won ? m : m + 1) : intended[i]!;
    const previous = out.realTimes[out.realTimes.length - 1]!;
    out.positions.push(position);
    out.realTimes.push(Math.max(toReal(v), previous + SECOND));
    out.vLastMove = v;
    if (isClose) closed = true;
  }
  out.status = closed ? (won ? DEAL_WON : DEAL_LOST) : DEAL_OPEN;
  out.lostFrom = closed && !won ? lastOpen : -1;
  let furthest = 0;
  for (const p of out.positions) if (p < m && p > furthest) furthest = p;
  out.furthestOrder = furthest + 1;
  return out;
}
