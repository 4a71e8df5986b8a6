/**
 * Maps the Maven data set onto Voronka's tables (pure: no database). Decisions, in one place:
 *
 * Organisation: "MavenTech", US dollars, time zone America/Chicago (its offices are Central, East
 * and West; one zone keeps report months equal to the CSV's months). Every CSV date D becomes
 * D 12:00 in that zone, so the day is the same in any US zone and in UTC.
 *
 * People: sales_teams.csv's agents are `manager` users, their managers are `head` users, one team
 * per head named "<head> (<regional office>)". The five agents without any opportunity are loaded
 * too (a per-agent report lists them with zero deals). One extra `admin` user administers the
 * sample. All users get the demo password 'voronka-demo' (DEMO_PASSWORD) so the sample can be
 * explored; e-mails are <first>.<last>@maventech.example. Users' locale is English.
 *
 * Companies: one per account; industry = sector, region = office_location (HQ country), the rest
 * (founding year, revenue in M USD, employees, parent company) in notes. Obvious typos of the
 * source are corrected on the way in: sector "technolgy" → "technology", "Philipines" →
 * "Philippines". Owner: the agent with the most opportunities on the account (ties: by name).
 * Deals with an empty account (most open deals) get no company.
 *
 * Products: products.csv, prices in USD, no VAT. sales_pipeline.csv names products slightly
 * differently ("GTXPro" for "GTX Pro"): names are matched ignoring case and spaces, and an
 * unknown product stops the load.
 *
 * Deals: one per opportunity, pipeline "MavenTech sales": Prospecting → Engaging → Won / Lost.
 * - amount: close_value for Won; for Lost (close_value is 0 in the source) and open deals the
 *   product's sales_price, i.e. the value at stake. Won revenue = sum of close_value exactly.
 * - created_at: engage_date. Prospecting rows have no date at all; they are dated to the data
 *   set's snapshot day (the latest date in sales_pipeline.csv): they existed when the file was
 *   taken, their real creation day is unknown.
 * - stage history: Prospecting at created_at; Engaging at engage_date (same instant: the source
 *   has no earlier date); Won / Lost at close_date. closed_at = close_date for Won / Lost.
 * - Lost deals get the loss reason "unknown" («Не указана»): the source records no reason.
 * - title: "<opportunity_id> · <product> · <account>" so every deal traces back to its row.
 */
import { type dealStageHistory, type deals, type companies, type products, type teams, type users } from '../../schema';
import type { MavenData, MavenOpportunity, MavenStage } from './read';

export const MAVEN_TIME_ZONE = 'America/Chicago';
export const MAVEN_CURRENCY = 'USD';
export const MAVEN_ORGANISATION_NAME = 'MavenTech (Maven Analytics sample)';
export const MAVEN_EMAIL_DOMAIN = 'maventech.example';
export const MAVEN_ADMIN_EMAIL = `admin@${MAVEN_EMAIL_DOMAIN}`;

export const MAVEN_PIPELINE = { id: 1, name: 'MavenTech sales' } as const;
/** Stage ids equal their sort order; probabilities of the open stages are rough guides. */
export const MAVEN_STAGE_DEFS: readonly { id: number; name: MavenStage; kind: 'open' | 'won' | 'lost'; sortOrder: number; probability: number }[] = [
  { id: 1, name: 'Prospecting', kind: 'open', sortOrder: 1, probability: 20 },
  { id: 2, name: 'Engaging', kind: 'open', sortOrder: 2, probability: 60 },
  { id: 3, name: 'Won', kind: 'won', sortOrder: 3, probability: 100 },
  { id: 4, name: 'Lost', kind: 'lost', sortOrder: 4, probability: 0 },
];
const STAGE = Object.fromEntries(MAVEN_STAGE_DEFS.map((s) => [s.name, s])) as Record<MavenStage, (typeof MAVEN_STAGE_DEFS)[number]>;

/** The loss reason of every Lost deal (the source records none). */
export const UNKNOWN_LOSS_REASON = { code: 'unknown', nameRu: 'Не указана', nameEn: 'Not specified' } as const;

const SECTOR_FIXES: Record<string, string> = { technolgy: 'technology' };
const COUNTRY_FIXES: Record<string, string> = { Philipines: 'Philippines' };

/** Product names as sales_pipeline.csv and products.csv spell them ("GTXPro" = "GTX Pro"). */
export function productKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}

/** Milliseconds by which the zone's wall clock is ahead of UTC at instant `t`. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function zoneOffset(t: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - t;
}

/** The instant of `day` (YYYY-MM-DD) at `hour`:00 wall-clock time in `timeZone`. */
const instants = new Map<string, number>();
export function zonedInstant(day: string, hour: number, timeZone: string = MAVEN_TIME_ZONE): Date {
  const key = `${timeZone} ${day} ${hour}`;
  const known = instants.get(key);
  if (known !== undefined) return new Date(known);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour);
  let t = wall - zoneOffset(wall, timeZone);
  t = wall - zoneOffset(t, timeZone);
  instants.set(key, t);
  return new Date(t);
}

export function emailOf(name: string): string {
  const local = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return `${local}@${MAVEN_EMAIL_DOMAIN}`;
}

type TeamRow = typeof teams.$inferInsert;
type UserRow = Omit<typeof users.$inferInsert, 'passwordHash'>;
type CompanyRow = typeof companies.$inferInsert;
type ProductRow = typeof products.$inferInsert;
type DealRow = typeof deals.$inferInsert;
type HistoryRow = typeof dealStageHistory.$inferInsert;

export interface MavenPlan {
  /** When the CRM "went live": 09:00 on the earliest date of the data set. */
  started: Date;
  /** The data set's last date at noon: the date given to undated Prospecting deals. */
  snapshot: Date;
  teams: TeamRow[];
  users: UserRow[];
  companies: CompanyRow[];
  products: ProductRow[];
  deals: DealRow[];
  history: HistoryRow[];
}

function formatNumber(value: string, digits: number): string {
  return Number(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function planMaven(data: MavenData, lossReasonId: number): MavenPlan {
  const dates = data.opportunities.flatMap((o) => [o.engage_date, o.close_date]).filter((d): d is string => d !== null).sort();
  if (dates.length === 0) throw new Error('Maven sample: sales_pipeline.csv has no dates at all');
  const started = zonedInstant(dates[0]!, 9);
  const snapshot = zonedInstant(dates[dates.length - 1]!, 12);

  // People: admin, then heads and their teams, then agents, in the order of sales_teams.csv.
  const usersOut: UserRow[] = [];
  const teamsOut: TeamRow[] = [];
  const base = { locale: 'en' as const, isActive: true, createdAt: started, updatedAt: started, version: 1 };
  const emails = new Set<string>();
  const addUser = (row: Omit<UserRow, 'id' | 'email' | keyof typeof base>): number => {
    const id = usersOut.length + 1;
    const email = row.role === 'admin' ? MAVEN_ADMIN_EMAIL : emailOf(row.name);
    if (emails.has(email)) throw new Error(`Maven sample: two people share the e-mail ${email}`);
    emails.add(email);
    usersOut.push({ id, email, ...row, ...base });
    return id;
  };
  addUser({ name: 'MavenTech Admin', role: 'admin', teamId: null });
  const teamOfHead = new Map<string, number>();
  for (const row of data.teams) {
    if (teamOfHead.has(row.manager)) continue;
    const teamId = teamsOut.length + 1;
    teamOfHead.set(row.manager, teamId);
    const headId = addUser({ name: row.manager, role: 'head', teamId });
    teamsOut.push({ id: teamId, name: `${row.manager} (${row.regional_office})`, headId, createdAt: started, updatedAt: started, version: 1 });
  }
  const agentId = new Map<string, number>();
  for (const row of data.teams) {
    if (agentId.has(row.sales_agent)) throw new Error(`Maven sample: sales_teams.csv lists ${row.sales_agent} twice`);
    if (teamOfHead.has(row.sales_agent)) throw new Error(`Maven sample: ${row.sales_agent} is both an agent and a manager`);
    agentId.set(row.sales_agent, addUser({ name: row.sales_agent, role: 'manager', teamId: teamOfHead.get(row.manager)! }));
  }

  // Products.
  const productByKey = new Map<string, { id: number; name: string; price: string }>();
  const productsOut: ProductRow[] = data.products.map((p, i) => {
    const key = productKey(p.product);
    if (productByKey.has(key)) throw new Error(`Maven sample: products.csv lists ${p.product} twice`);
    productByKey.set(key, { id: i + 1, name: p.product, price: p.sales_price });
    return {
      id: i + 1,
      name: p.product,
      sku: p.product.toUpperCase().replace(/\s+/g, '-'),
      unit: 'pcs',
      price: p.sales_price,
      currency: MAVEN_CURRENCY,
      vatRate: '0',
      createdAt: started,
      updatedAt: started,
      version: 1,
    };
  });

  // Companies, owned by the agent with the most opportunities on the account.
  const perAccount = new Map<string, Map<string, number>>();
  for (const o of data.opportunities) {
    if (o.account === null) continue;
    const counts = perAccount.get(o.account) ?? new Map<string, number>();
    counts.set(o.sales_agent, (counts.get(o.sales_agent) ?? 0) + 1);
    perAccount.set(o.account, counts);
  }
  const companyId = new Map<string, number>();
  const companiesOut: CompanyRow[] = data.accounts.map((a, i) => {
    if (companyId.has(a.account)) throw new Error(`Maven sample: accounts.csv lists ${a.account} twice`);
    companyId.set(a.account, i + 1);
    const counts = [...(perAccount.get(a.account) ?? new Map<string, number>())].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    const owner = counts[0] ? agentId.get(counts[0][0]) : 1;
    const notes = [
      `Established ${a.year_established}.`,
      `Annual revenue ${formatNumber(a.revenue, 2)} M USD, ${formatNumber(a.employees, 0)} employees.`,
      a.subsidiary_of ? `Subsidiary of ${a.subsidiary_of}.` : null,
    ].filter(Boolean).join(' ');
    return {
      id: i + 1,
      name: a.account,
      industry: SECTOR_FIXES[a.sector] ?? a.sector,
      region: COUNTRY_FIXES[a.office_location] ?? a.office_location,
      notes,
      ownerId: owner ?? 1,
      createdAt: started,
      updatedAt: started,
      version: 1,
    };
  });

  // Deals and their stage history.
  const dealsOut: DealRow[] = [];
  const historyOut: HistoryRow[] = [];
  const seen = new Set<string>();
  const wins = new Map<number, number[]>(); // company id → closed_at of its won deals
  const planned: { o: MavenOpportunity; createdAt: Date; companyId: number | null }[] = [];
  for (const o of data.opportunities) {
    if (seen.has(o.opportunity_id)) throw new Error(`Maven sample: opportunity ${o.opportunity_id} appears twice`);
    seen.add(o.opportunity_id);
    const company = o.account === null ? null : companyId.get(o.account);
    if (company === undefined) throw new Error(`Maven sample: opportunity ${o.opportunity_id} names an unknown account ${o.account}`);
    const createdAt = o.engage_date ? zonedInstant(o.engage_date, 12) : snapshot;
    if (o.deal_stage === 'Won' && company !== null) {
      const list = wins.get(company) ?? [];
      list.push(zonedInstant(o.close_date!, 12).getTime());
      wins.set(company, list);
    }
    planned.push({ o, createdAt, companyId: company });
  }
  for (const [i, { o, createdAt, companyId: company }] of planned.entries()) {
    const id = i + 1;
    const owner = agentId.get(o.sales_agent);
    if (owner === undefined) throw new Error(`Maven sample: opportunity ${o.opportunity_id} names an agent missing from sales_teams.csv: ${o.sales_agent}`);
    const product = productByKey.get(productKey(o.product));
    if (!product) throw new Error(`Maven sample: opportunity ${o.opportunity_id} names an unknown product ${o.product}`);
    const path: { stage: (typeof MAVEN_STAGE_DEFS)[number]; at: Date }[] = [{ stage: STAGE.Prospecting, at: createdAt }];
    if (o.engage_date) path.push({ stage: STAGE.Engaging, at: zonedInstant(o.engage_date, 12) });
    const closed = o.deal_stage === 'Won' || o.deal_stage === 'Lost';
    if (closed) path.push({ stage: STAGE[o.deal_stage], at: zonedInstant(o.close_date!, 12) });
    const last = path[path.length - 1]!;
    if (last.stage.name !== o.deal_stage) throw new Error(`Maven sample: opportunity ${o.opportunity_id}: dates do not fit stage ${o.deal_stage}`);
    path.forEach((step, k) => {
      historyOut.push({
        id: historyOut.length + 1,
        dealId: id,
        fromStageId: k === 0 ? null : path[k - 1]!.stage.id,
        toStageId: step.stage.id,
        changedBy: owner,
        changedAt: step.at,
        createdAt: step.at,
        updatedAt: step.at,
      });
    });
    const status = o.deal_stage === 'Won' ? 'won' : o.deal_stage === 'Lost' ? 'lost' : 'open';
    dealsOut.push({
      id,
      title: [o.opportunity_id, product.name, o.account].filter(Boolean).join(' · '),
      pipelineId: MAVEN_PIPELINE.id,
      stageId: last.stage.id,
      status,
      amount: status === 'won' ? o.close_value! : product.price,
      currency: MAVEN_CURRENCY,
      companyId: company,
      ownerId: owner,
      closedAt: closed ? last.at : null,
      lossReasonId: status === 'lost' ? lossReasonId : null,
      isRepeat: company !== null && (wins.get(company) ?? []).some((t) => t < createdAt.getTime()),
      stageEnteredAt: last.at,
      furthestStageOrder: Math.max(...path.filter((s) => s.stage.kind === 'open').map((s) => s.stage.sortOrder)),
      createdBy: owner,
      createdAt,
      updatedAt: last.at,
      version: path.length,
    });
  }

  return { started, snapshot, teams: teamsOut, users: usersOut, companies: companiesOut, products: productsOut, deals: dealsOut, history: historyOut };
}
