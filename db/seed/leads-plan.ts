/**
 * Leads as typed arrays, ordered by creation time (ids follow time, so "an earlier lead" is
 * also a smaller id). Three kinds: leads that became deals (timed just before their deal),
 * leads that became only a contact, and the rest, whose fate depends on their age.
 * Duplicates copy an earlier lead's person (same phone / e-mail) and are often merged as junk.
 */
import { DAY, MINUTE } from './business-clock';
import type { ClientsPlan } from './clients-plan';
import { pickManager, type SeedContext } from './context';
import type { DealsPlan } from './deals-plan';
import { Rng, STREAM, WeightedTable } from './random';
import { JUNK_ID, JUNK_REASONS, JUNK_WEIGHTS, LEAD_SOURCES } from './reference-data';
import { chronologicalTimes, orderByKey } from './timeline';

export const LEAD_NEW = 0;
export const LEAD_IN_PROGRESS = 1;
export const LEAD_CONVERTED = 2;
export const LEAD_JUNK = 3;
export const LEAD_STATUS_NAMES = ['new', 'in_progress', 'converted', 'junk'] as const;

export interface LeadsPlan {
  count: number;
  vCreated: Float64Array;
  /** When it was converted or junked (virtual), NaN otherwise. */
  vEnd: Float64Array;
  status: Uint8Array;
  owner: Int32Array;
  source: Uint8Array;
  /** Deal / contact / company it became (-1 = none). For unconverted leads `company` only names the firm. */
  deal: Int32Array;
  contact: Int32Array;
  company: Int32Array;
  /** Who wrote in: < 0 → contact (-key-1), otherwise a stranger's stream index. */
  personKey: Int32Array;
  duplicateOf: Int32Array;
  /** junk_reasons.id or 0. */
  junkReason: Uint8Array;
}

const sourcePicker = new WeightedTable(LEAD_SOURCES.map((s) => s.weight));
const junkPicker = new WeightedTable(JUNK_WEIGHTS);

/** When a lead that was not converted got junked: some time after it came, never after now. */
function junkTime(rng: Rng, vCreated: number, vNow: number): number {
  const room = vNow - MINUTE - vCreated;
  return vCreated + Math.min(rng.logNormal(1, 1.2) * DAY, room * (0.2 + 0.8 * rng.next()));
}

export function planLeads(ctx: SeedContext, clients: ClientsPlan, deals: DealsPlan): LeadsPlan {
  const { seed, vNow } = ctx;
  const n = ctx.params.leads;
  const rng = new Rng();
  const vCreated = new Float64Array(n);
  const vEnd = new Float64Array(n).fill(NaN);
  const status = new Uint8Array(n);
  const owner = new Int32Array(n);
  const source = new Uint8Array(n);
  const deal = new Int32Array(n).fill(-1);
  const contact = new Int32Array(n).fill(-1);
  const company = new Int32Array(n).fill(-1);
  const junkReason = new Uint8Array(n);
  let k = 0;

  // 1. Leads that became deals: they came in shortly before the deal was opened.
  for (let d = 0; d < deals.count; d++) {
    if (!deals.fromLead[d]) continue;
    if (k >= n) {
      deals.fromLead[d] = 0; // beyond the lead budget: entered directly
      continue;
    }
    rng.at(seed, STREAM.lead, d);
    const lag = Math.min(30, rng.logNormal(1.2, 1.1)) * DAY;
    vCreated[k] = deals.vCreated[d]! - lag;
    vEnd[k] = deals.vCreated[d]!;
    status[k] = LEAD_CONVERTED;
    owner[k] = deals.owner[d]!;
    source[k] = deals.source[d]!;
    deal[k] = d;
    contact[k] = deals.contact[d]!;
    company[k] = deals.company[d]!;
    k++;
  }
  // 2. Leads that became only a contact (and its company), timed just before the contact appeared.
  const contactOnly = Math.min(n - k, Math.round(n * 0.03));
  for (let i = 0; i < contactOnly; i++) {
    rng.at(seed, STREAM.contactLead, i);
    const j = Math.floor(rng.next() * clients.contactCount);
    vEnd[k] = clients.contactCreated[j]!;
    vCreated[k] = vEnd[k]! - Math.min(20, rng.logNormal(0.8, 1)) * DAY;
    status[k] = LEAD_CONVERTED;
    owner[k] = clients.contactOwner[j]!;
    source[k] = LEAD_SOURCES[sourcePicker.pick(rng)]!.id;
    contact[k] = j;
    company[k] = clients.contactCompany[j]!;
    k++;
  }

  // 3. Everything else: junk when old, worked or untouched when recent.
  const rest = n - k;
  rng.at(seed, STREAM.leadTime, 0);
  const times = chronologicalTimes(rng, rest, ctx.vStart, vNow);
  for (let i = 0; i < rest; i++, k++) {
    const t = times[i]!;
    rng.at(seed, STREAM.lead, deals.count + i);
    vCreated[k] = t;
    source[k] = LEAD_SOURCES[sourcePicker.pick(rng)]!.id;
    const team = ctx.teamPicker.pick(rng);
    let leadOwner = pickManager(ctx, team, rng);
    const formers = ctx.staff.teams[team]!.formers;
    let byFormer = false;
    if (formers.length > 0 && t < ctx.vDeactivated - 5 * DAY && rng.chance(formers.length / (formers.length + ctx.staff.teams[team]!.managers.length))) {
      leadOwner = formers[Math.floor(rng.next() * formers.length)]!;
      byFormer = true;
    }
    owner[k] = leadOwner;
    const age = (vNow - t) / DAY;
    const roll = rng.next();
    let s: number;
    if (byFormer) s = LEAD_JUNK;
    else if (age > 20) s = roll < 0.93 ? LEAD_JUNK : LEAD_IN_PROGRESS;
    else if (age > 3) s = roll < 0.6 ? LEAD_JUNK : roll < 0.95 ? LEAD_IN_PROGRESS : LEAD_NEW;
    else s = roll < 0.45 ? LEAD_NEW : roll < 0.8 ? LEAD_IN_PROGRESS : LEAD_JUNK;
    status[k] = s;
    if (s === LEAD_JUNK) {
      vEnd[k] = junkTime(rng, t, vNow);
      junkReason[k] = JUNK_REASONS[junkPicker.pick(rng)]!.id;
    }
  }

  // Ids follow creation time.
  const order = orderByKey(vCreated, 1000);
  const plan: LeadsPlan = {
    count: n,
    vCreated: permute(vCreated, order),
    vEnd: permute(vEnd, order),
    status: permute(status, order),
    owner: permute(owner, order),
    source: permute(source, order),
    deal: permute(deal, order),
    contact: permute(contact, order),
    company: permute(company, order),
    personKey: new Int32Array(n),
    duplicateOf: new Int32Array(n).fill(-1),
    junkReason: permute(junkReason, order),
  };
  for (let i = 0; i < n; i++) {
    const d = plan.deal[i]!;
    if (d >= 0) deals.leadId[d] = i + 1;
    const c = plan.contact[i]!;
    plan.personKey[i] = c >= 0 ? -(c + 1) : i;
  }
  markDuplicates(ctx, plan);
  return plan;
}

function permute<T extends Float64Array | Int32Array | Uint8Array>(values: T, order: Uint32Array): T {
  const out = values.slice() as T;
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}

/** Some leads repeat an earlier person (same phone / e-mail); most of those were merged as junk. */
function markDuplicates(ctx: SeedContext, plan: LeadsPlan): void {
  const rng = new Rng();
  const window = Math.max(20, Math.floor(plan.count * 0.02));
  for (let i = 20; i < plan.count; i++) {
    if (plan.status[i] === LEAD_CONVERTED) continue;
    rng.at(ctx.seed, STREAM.leadDuplicate, i);
    if (!rng.chance(0.07)) continue;
    const earlier = i - 1 - Math.floor(rng.next() * Math.min(i, window));
    plan.personKey[i] = plan.personKey[earlier]!;
    plan.company[i] = plan.company[earlier]!;
    if (rng.chance(0.6)) {
      plan.status[i] = LEAD_JUNK;
      plan.junkReason[i] = JUNK_ID.duplicate;
      plan.duplicateOf[i] = earlier;
      plan.vEnd[i] = junkTime(rng, plan.vCreated[i]!, ctx.vNow);
    }
  }
}
