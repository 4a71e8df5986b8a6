/**
 * First pass over deals: who, for whom, how much and how it ended, as typed arrays (a million
 * deals fit in ~60 MB). Later passes (activities, leads, history, documents) read these facts
 * and recompute the stage path from the deal's own random stream when they need it.
 */
import { DAY, toReal } from './business-clock';
import type { ClientsPlan } from './clients-plan';
import { pickManager, type SeedContext } from './context';
import { DEAL_LOST, DEAL_WON, emptyPath, planDealPath } from './deal-path';
import { Rng, STREAM, WeightedTable } from './random';
import { LEAD_SOURCES, LOSS_REASONS, PIPELINES, SOURCE_ID, type PipelineDef } from './reference-data';
import { chronologicalTimes } from './timeline';

export interface DealsPlan {
  count: number;
  vCreated: Float64Array;
  /** Index into PIPELINES. */
  pipeline: Uint8Array;
  owner: Int32Array;
  /** Company / contact index, -1 = none. */
  company: Int32Array;
  contact: Int32Array;
  /** lead_sources.id or 0. */
  source: Uint8Array;
  /** 1 when the deal came from a lead (its lead id is filled in by the leads plan). */
  fromLead: Uint8Array;
  leadId: Int32Array;
  /** Kopecks. */
  amount: Float64Array;
  status: Uint8Array;
  /** Current stage as a position in the pipeline's stage list. */
  position: Uint8Array;
  furthestOrder: Uint8Array;
  /** Real times; NaN when open. */
  closedAt: Float64Array;
  stageEnteredAt: Float64Array;
  /** loss_reasons.id or 0. */
  lossReason: Uint8Array;
  isRepeat: Uint8Array;
  /** Deals that reached the proposal stage / are won / wait for payment: sizes the documents. */
  proposalCandidates: number;
  invoiceCandidatesWon: number;
  invoiceCandidatesOpen: number;
}

const sourcePicker = new WeightedTable(LEAD_SOURCES.map((s) => s.weight));
const DIRECT_SOURCES = [SOURCE_ID.phone, SOURCE_ID.referral, SOURCE_ID.referral, SOURCE_ID.exhibition] as const;
const EARLY_LOSS = new WeightedTable([10, 5, 25, 35, 15, 10]);
const LATE_LOSS = new WeightedTable([30, 30, 10, 5, 20, 5]);
/** Median deal size per segment (large, medium, small) and for private persons, in roubles. */
const MEDIAN_AMOUNT = [900_000, 300_000, 110_000, 60_000] as const;

/** Deals of a former manager must close before he left. */
export function closeDeadline(ctx: SeedContext, owner: number): number {
  return ctx.staff.formers.includes(owner) ? ctx.vDeactivated - DAY : Infinity;
}

export function winRateOf(ctx: SeedContext, pipeline: PipelineDef, owner: number): number {
  return Math.min(0.9, Math.max(0.05, pipeline.winRate * ctx.staff.winFactor[owner]!));
}

export function planDeals(ctx: SeedContext, clients: ClientsPlan): DealsPlan {
  const { seed, params } = ctx;
  const n = params.deals;
  const rng = new Rng();
  rng.at(seed, STREAM.dealTime, 0);
  const vCreated = chronologicalTimes(rng, n, ctx.vStart, ctx.vNow);
  const plan: DealsPlan = {
    count: n,
    vCreated,
    pipeline: new Uint8Array(n),
    owner: new Int32Array(n),
    company: new Int32Array(n),
    contact: new Int32Array(n),
    source: new Uint8Array(n),
    fromLead: new Uint8Array(n),
    leadId: new Int32Array(n),
    amount: new Float64Array(n),
    status: new Uint8Array(n),
    position: new Uint8Array(n),
    furthestOrder: new Uint8Array(n),
    closedAt: new Float64Array(n),
    stageEnteredAt: new Float64Array(n),
    lossReason: new Uint8Array(n),
    isRepeat: new Uint8Array(n),
    proposalCandidates: 0,
    invoiceCandidatesWon: 0,
    invoiceCandidatesOpen: 0,
  };
  const path = emptyPath();
  const pathRng = new Rng();
  let availableCompanies = 0;
  let availablePrivate = 0;
  const privateList = clients.standaloneContacts;

  for (let d = 0; d < n; d++) {
    const t = vCreated[d]!;
    while (availableCompanies < clients.companyCount && clients.companyCreated[availableCompanies]! <= t) availableCompanies++;
    while (availablePrivate < privateList.length && clients.contactCreated[privateList[availablePrivate]!]! <= t) availablePrivate++;
    rng.at(seed, STREAM.dealClient, d);

    // The client: mostly a company (recent ones more often: new clients buy first), else a private person.
    let company = -1;
    let contact = -1;
    if (availableCompanies > 0 && (availablePrivate === 0 || rng.chance(0.82))) {
      const recentSpan = Math.max(1, Math.floor(availableCompanies * 0.03));
      company = rng.chance(0.3)
        ? availableCompanies - 1 - Math.floor(rng.next() * recentSpan)
        : Math.floor(rng.next() * availableCompanies);
      const from = clients.companyContactStart[company]!;
      const to = clients.companyContactStart[company + 1]!;
      let ready = 0;
      while (from + ready < to && clients.contactCreated[clients.companyContacts[from + ready]!]! <= t) ready++;
      if (ready > 0 && rng.chance(0.9)) contact = clients.companyContacts[from + Math.floor(rng.next() * ready)]!;
    } else {
      const span = Math.max(1, availablePrivate);
      contact = privateList[Math.floor(rng.next() * span)]!;
    }
    const clientOwner = company >= 0 ? clients.companyOwner[company]! : clients.contactOwner[contact]!;
    const team = ctx.staff.teamOfUser[clientOwner]! - 1;
    let owner = rng.chance(0.88) ? clientOwner : pickManager(ctx, team, rng);
    const formers = ctx.staff.teams[team]!.formers;
    if (formers.length > 0 && t < ctx.vDeactivated - 40 * DAY) {
      const share = formers.length / (formers.length + ctx.staff.teams[team]!.managers.length);
      if (rng.chance(share)) owner = formers[Math.floor(rng.next() * formers.length)]!;
    }

    const pipelineIndex = rng.chance(0.22) ? 1 : 0;
    const pipeline = PIPELINES[pipelineIndex]!;
    const fromLead = rng.chance(pipelineIndex === 0 ? 0.62 : 0.2);
    let source = 0;
    if (fromLead) source = LEAD_SOURCES[sourcePicker.pick(rng)]!.id;
    else if (rng.chance(0.5)) source = rng.pick(DIRECT_SOURCES);

    const segment = company >= 0 ? clients.companySegment[company]! : 3;
    const median = MEDIAN_AMOUNT[segment as 0 | 1 | 2 | 3] * (pipelineIndex === 1 ? 0.45 : 1);
    const roubles = Math.min(3_000_000, Math.max(30_000, rng.logNormal(median, 0.6)));
    const amount = Math.round(roubles / 500) * 500 * 100;

    planDealPath(
      { seed, deal: d, pipeline, vCreated: t, vNow: ctx.vNow, winRate: winRateOf(ctx, pipeline, owner), vCloseBy: closeDeadline(ctx, owner) },
      pathRng,
      path,
    );
    const last = path.positions.length - 1;
    plan.pipeline[d] = pipelineIndex;
    plan.owner[d] = owner;
    plan.company[d] = company;
    plan.contact[d] = contact;
    plan.source[d] = source;
    plan.fromLead[d] = fromLead ? 1 : 0;
    plan.amount[d] = amount;
    plan.status[d] = path.status;
    plan.position[d] = path.positions[last]!;
    plan.furthestOrder[d] = path.furthestOrder;
    plan.stageEnteredAt[d] = path.realTimes[last]!;
    plan.closedAt[d] = path.status === DEAL_WON || path.status === DEAL_LOST ? path.realTimes[last]! : NaN;
    if (path.status === DEAL_LOST) {
      const table = path.lostFrom <= 1 ? EARLY_LOSS : LATE_LOSS;
      plan.lossReason[d] = LOSS_REASONS[table.pick(rng)]!.id;
    }
    if (pipelineIndex === 0 && path.furthestOrder > pipeline.proposalPosition) plan.proposalCandidates++;
    if (path.status === DEAL_WON) plan.invoiceCandidatesWon++;
    else if (path.status !== DEAL_LOST && path.positions[last] === pipeline.invoicePosition) plan.invoiceCandidatesOpen++;
  }
  markRepeatDeals(plan, clients);
  return plan;
}

/** The client of a deal: its company, else its contact (offset past the companies). */
export function clientKey(plan: DealsPlan, clients: ClientsPlan, d: number): number {
  const company = plan.company[d]!;
  return company >= 0 ? company : clients.companyCount + plan.contact[d]!;
}

/** is_repeat: the client had a deal won (closed) strictly before this deal was created. */
function markRepeatDeals(plan: DealsPlan, clients: ClientsPlan): void {
  const firstWin = new Float64Array(clients.companyCount + clients.contactCount).fill(Infinity);
  for (let d = 0; d < plan.count; d++) {
    if (plan.status[d] !== DEAL_WON) continue;
    const key = clientKey(plan, clients, d);
    if (plan.closedAt[d]! < firstWin[key]!) firstWin[key] = plan.closedAt[d]!;
  }
  for (let d = 0; d < plan.count; d++) {
    plan.isRepeat[d] = firstWin[clientKey(plan, clients, d)]! < toReal(plan.vCreated[d]!) ? 1 : 0;
  }
}
