/**
 * Companies and contacts as compact per-row facts (typed arrays): when each appeared, where,
 * who owns it, which contacts belong to which company. Deals and leads pick their clients here;
 * names, phones and addresses are derived later from the row index alone (client-profiles.ts).
 */
import { DAY } from './business-clock';
import { pickManager, type SeedContext } from './context';
import { Rng, STREAM, WeightedTable } from './random';
import { chronologicalTimes, orderByKey } from './timeline';
import { SEGMENT_WEIGHTS } from './vocabulary-companies';

export interface ClientsPlan {
  companyCount: number;
  /** Virtual creation time, ascending with the index. */
  companyCreated: Float64Array;
  /** Index into REGIONS. */
  companyRegion: Uint8Array;
  companyOwner: Int32Array;
  /** Index into SEGMENTS (0 = large business). */
  companySegment: Uint8Array;
  contactCount: number;
  contactCreated: Float64Array;
  /** Company index or -1 for a private person. */
  contactCompany: Int32Array;
  contactOwner: Int32Array;
  /** Contacts of company c are companyContacts[companyContactStart[c] .. companyContactStart[c+1]), oldest first. */
  companyContactStart: Int32Array;
  companyContacts: Int32Array;
  /** Contacts without a company, oldest first. */
  standaloneContacts: Int32Array;
}

/** Two ascending arrays into one. */
function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) out[k++] = a[i++]!;
    else out[k++] = b[j++]!;
  }
  return out;
}

export function planClients(ctx: SeedContext): ClientsPlan {
  const { params, seed, vStart, vNow } = ctx;
  const rng = new Rng();
  const segmentPicker = new WeightedTable(SEGMENT_WEIGHTS);

  // A quarter of the base was imported when the CRM started; the rest arrived over time.
  const companyCount = params.companies;
  const legacy = Math.round(companyCount * 0.25);
  rng.at(seed, STREAM.companyTime, 0);
  const legacyTimes = chronologicalTimes(rng, legacy, vStart, vStart + 10 * DAY, () => 1);
  const laterTimes = chronologicalTimes(rng, companyCount - legacy, vStart, vNow);
  const companyCreated = mergeSorted(legacyTimes, laterTimes);
  // The very first deal of the window must find a client that already exists.
  if (companyCount > 0) companyCreated[0] = vStart;
  const companyRegion = new Uint8Array(companyCount);
  const companyOwner = new Int32Array(companyCount);
  const companySegment = new Uint8Array(companyCount);
  for (let c = 0; c < companyCount; c++) {
    rng.at(seed, STREAM.company, c);
    const team = ctx.teamPicker.pick(rng);
    const routing = ctx.routing[team]!;
    companyRegion[c] = routing.regions[routing.regionPicker.pick(rng)]!;
    companyOwner[c] = pickManager(ctx, team, rng);
    companySegment[c] = segmentPicker.pick(rng);
  }

  // Contacts: at least one per company (the first one arrives with the company), the rest later.
  const privateShare = 0.18;
  const linkedTarget = Math.round(params.contacts * (1 - privateShare));
  const extraMean = Math.max(0, linkedTarget / companyCount - 1);
  const created: number[] = [];
  const company: number[] = [];
  for (let c = 0; c < companyCount; c++) {
    rng.at(seed, STREAM.contactTime, c);
    const n = 1 + rng.poisson(extraMean);
    const base = companyCreated[c]!;
    for (let i = 0; i < n; i++) {
      let t = base;
      if (i > 0) {
        t = base + Math.floor(rng.logNormal(15, 1.1) * DAY);
        if (t >= vNow) t = base + Math.floor(rng.next() * (vNow - base));
      }
      created.push(t);
      company.push(c);
    }
  }
  const privateCount = Math.max(0, params.contacts - created.length);
  rng.at(seed, STREAM.contactTime, companyCount + 1);
  const privateTimes = chronologicalTimes(rng, privateCount, vStart, vNow);
  for (const t of privateTimes) {
    created.push(t);
    company.push(-1);
  }

  const contactCount = created.length;
  const rawCreated = Float64Array.from(created);
  const order = orderByKey(rawCreated, 1000);
  const contactCreated = new Float64Array(contactCount);
  const contactCompany = new Int32Array(contactCount);
  const contactOwner = new Int32Array(contactCount);
  const perCompany = new Int32Array(companyCount + 1);
  let privateTotal = 0;
  for (let j = 0; j < contactCount; j++) {
    const src = order[j]!;
    contactCreated[j] = rawCreated[src]!;
    const c = company[src]!;
    contactCompany[j] = c;
    if (c >= 0) {
      contactOwner[j] = companyOwner[c]!;
      perCompany[c + 1] = perCompany[c + 1]! + 1;
    } else {
      rng.at(seed, STREAM.contact, j);
      contactOwner[j] = pickManager(ctx, ctx.teamPicker.pick(rng), rng);
      privateTotal++;
    }
  }
  const companyContactStart = new Int32Array(companyCount + 1);
  for (let c = 0; c < companyCount; c++) companyContactStart[c + 1] = companyContactStart[c]! + perCompany[c + 1]!;
  const fill = companyContactStart.slice(0, companyCount);
  const companyContacts = new Int32Array(contactCount - privateTotal);
  const standaloneContacts = new Int32Array(privateTotal);
  let p = 0;
  for (let j = 0; j < contactCount; j++) {
    const c = contactCompany[j]!;
    if (c >= 0) {
      companyContacts[fill[c]!] = j;
      fill[c] = fill[c]! + 1;
    }
    else standaloneContacts[p++] = j;
  }
  return {
    companyCount,
    companyCreated,
    companyRegion,
    companyOwner,
    companySegment,
    contactCount,
    contactCreated,
    contactCompany,
    contactOwner,
    companyContactStart,
    companyContacts,
    standaloneContacts,
  };
}
