/**
 * The Maven sample: every figure the Conversion and Funnel reports rest on (per-agent won count,
 * win rate, won revenue; funnel counts) is computed here straight from the CSV files with
 * papaparse, independently of the loader, and must equal direct SQL over the loaded tables.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type DatabaseHandle } from '@/db/client';
import { runIntegrityChecks } from '@/db/seed/integrity-checks';
import { DRIVERS, useFreshDatabase } from '@/test/test-database';
import { SAMPLE_TABLES, SampleRefusedError, loadMavenSample } from './load';
import { DEFAULT_MAVEN_DIR } from './read';

const DIR = DEFAULT_MAVEN_DIR;
const TIMEOUT = 240_000;

function csv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path.join(DIR, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

const pipeline = csv('sales_pipeline.csv');
const teams = csv('sales_teams.csv');
const productPrice = new Map(csv('products.csv').map((p) => [p.product!.replace(/\s+/g, '').toLowerCase(), Number(p.sales_price)]));

interface AgentFigures {
  won: number;
  lost: number;
  open: number;
  winRate: number | null;
  wonRevenue: number;
}

/** Per agent of sales_teams.csv (agents without opportunities included, with zeros). */
function expectedPerAgent(): Map<string, AgentFigures> {
  const out = new Map<string, AgentFigures>();
  for (const t of teams) out.set(t.sales_agent!, { won: 0, lost: 0, open: 0, winRate: null, wonRevenue: 0 });
  for (const r of pipeline) {
    const a = out.get(r.sales_agent!)!;
    if (r.deal_stage === 'Won') {
      a.won++;
      a.wonRevenue += Number(r.close_value);
    } else if (r.deal_stage === 'Lost') a.lost++;
    else a.open++;
  }
  for (const a of out.values()) a.winRate = a.won + a.lost === 0 ? null : a.won / (a.won + a.lost);
  return out;
}

function expectedFunnel() {
  const count = (test: (r: Record<string, string>) => boolean) => pipeline.filter(test).length;
  return {
    prospecting: pipeline.length, // every opportunity starts there
    engaging: count((r) => r.deal_stage !== 'Prospecting'),
    closed: count((r) => r.deal_stage === 'Won' || r.deal_stage === 'Lost'),
    won: count((r) => r.deal_stage === 'Won'),
    lost: count((r) => r.deal_stage === 'Lost'),
    openProspecting: count((r) => r.deal_stage === 'Prospecting'),
    openEngaging: count((r) => r.deal_stage === 'Engaging'),
  };
}

async function query<T>(handle: DatabaseHandle, statement: string): Promise<T[]> {
  return rowsOf<T>(await handle.db.execute(sql.raw(statement)));
}

async function tableCounts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const rows = await query<{ t: string; n: number }>(
    handle,
    [...SAMPLE_TABLES, 'organisation'].map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all '),
  );
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

describe.each(DRIVERS)('Maven sample on %s', (driver) => {
  const db = useFreshDatabase(driver);

  beforeAll(async () => {
    await loadMavenSample(db());
  }, TIMEOUT);

  it('gives per agent the won count, win rate and won revenue of the CSV', async () => {
    const rows = await query<{ name: string; won: number; lost: number; open: number; rate: string | null; revenue: string }>(
      db(),
      `select u.name,
              count(d.id) filter (where d.status = 'won')::int as won,
              count(d.id) filter (where d.status = 'lost')::int as lost,
              count(d.id) filter (where d.status = 'open')::int as open,
              (count(d.id) filter (where d.status = 'won'))::numeric
                / nullif(count(d.id) filter (where d.status in ('won', 'lost')), 0) as rate,
              coalesce(sum(d.amount) filter (where d.status = 'won'), 0) as revenue
       from users u left join deals d on d.owner_id = u.id
       where u.role = 'manager'
       group by u.name`,
    );
    const expected = expectedPerAgent();
    expect(rows).toHaveLength(expected.size);
    expect(expected.size).toBe(35);
    for (const row of rows) {
      const e = expected.get(row.name);
      expect(e, row.name).toBeDefined();
      expect({ agent: row.name, won: row.won, lost: row.lost, open: row.open, wonRevenue: Number(row.revenue) }).toEqual({
        agent: row.name, won: e!.won, lost: e!.lost, open: e!.open, wonRevenue: e!.wonRevenue,
      });
      if (e!.winRate === null) expect(row.rate).toBeNull();
      else expect(Number(row.rate)).toBeCloseTo(e!.winRate, 12);
    }
    // The five agents of sales_teams.csv without opportunities are there, with nothing.
    expect([...expected.values()].filter((a) => a.won + a.lost + a.open === 0)).toHaveLength(5);
  }, TIMEOUT);

  it('gives per head (the agents\' managers) and overall the won revenue and win rate of the CSV', async () => {
    const headOf = new Map(teams.map((t) => [t.sales_agent!, t.manager!]));
    const expected = new Map<string, { won: number; lost: number; revenue: number }>();
    for (const r of pipeline) {
      const head = headOf.get(r.sales_agent!)!;
      const e = expected.get(head) ?? { won: 0, lost: 0, revenue: 0 };
      if (r.deal_stage === 'Won') {
        e.won++;
        e.revenue += Number(r.close_value);
      }
      if (r.deal_stage === 'Lost') e.lost++;
      expected.set(head, e);
    }
    const rows = await query<{ head: string; won: number; lost: number; revenue: string }>(
      db(),
      `select h.name as head, count(*) filter (where d.status = 'won')::int as won, count(*) filter (where d.status = 'lost')::int as lost,
              coalesce(sum(d.amount) filter (where d.status = 'won'), 0) as revenue
       from deals d join users u on u.id = d.owner_id join teams t on t.id = u.team_id join users h on h.id = t.head_id
       group by h.name`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.head, { won: r.won, lost: r.lost, revenue: Number(r.revenue) }]))).toEqual(Object.fromEntries(expected));

    // Lost deals carry close_value 0 in the source: the average won deal leaves them out.
    const won = pipeline.filter((r) => r.deal_stage === 'Won');
    const average = won.reduce((s, r) => s + Number(r.close_value), 0) / won.length;
    const [avg] = await query<{ a: string }>(db(), `select avg(amount) as a from deals where status = 'won'`);
    expect(Number(avg!.a)).toBeCloseTo(average, 6);
  }, TIMEOUT);

  it('gives the funnel counts of the CSV (furthest stage and stage history agree)', async () => {
    const e = expectedFunnel();
    const [row] = await query<Record<keyof typeof e, number>>(
      db(),
      `select count(*) filter (where d.furthest_stage_order >= p.sort_order)::int as prospecting,
              count(*) filter (where d.furthest_stage_order >= g.sort_order)::int as engaging,
              count(*) filter (where d.status <> 'open')::int as closed,
              count(*) filter (where d.status = 'won')::int as won,
              count(*) filter (where d.status = 'lost')::int as lost,
              count(*) filter (where d.stage_id = p.id)::int as "openProspecting",
              count(*) filter (where d.stage_id = g.id)::int as "openEngaging"
       from deals d join stages p on p.name = 'Prospecting' and p.pipeline_id = d.pipeline_id
                    join stages g on g.name = 'Engaging' and g.pipeline_id = d.pipeline_id`,
    );
    expect(row).toEqual(e);
    const history = await query<{ stage: string; n: number }>(
      db(),
      `select s.name as stage, count(distinct h.deal_id)::int as n from deal_stage_history h join stages s on s.id = h.to_stage_id group by s.name`,
    );
    expect(Object.fromEntries(history.map((h) => [h.stage, h.n]))).toEqual({ Prospecting: e.prospecting, Engaging: e.engaging, Won: e.won, Lost: e.lost });
  }, TIMEOUT);

  it('dates every deal as the CSV does in the organisation\'s time zone, and won revenue per close month matches', async () => {
    const rows = await query<{ title: string; created: string; engaged: string | null; closed: string | null; status: string; amount: string; account: string | null; agent: string }>(
      db(),
      `select d.title, to_char(d.created_at at time zone o.time_zone, 'YYYY-MM-DD') as created,
              (select to_char(h.changed_at at time zone o.time_zone, 'YYYY-MM-DD') from deal_stage_history h join stages s on s.id = h.to_stage_id
                where h.deal_id = d.id and s.name = 'Engaging') as engaged,
              to_char(d.closed_at at time zone o.time_zone, 'YYYY-MM-DD') as closed,
              d.status, d.amount, c.name as account, u.name as agent
       from deals d cross join organisation o left join companies c on c.id = d.company_id join users u on u.id = d.owner_id`,
    );
    const byId = new Map(rows.map((r) => [r.title.split(' · ')[0]!, r]));
    expect(byId.size).toBe(pipeline.length);
    const snapshot = pipeline.flatMap((r) => [r.engage_date!, r.close_date!]).filter(Boolean).sort().at(-1);
    for (const r of pipeline) {
      const d = byId.get(r.opportunity_id!)!;
      const price = productPrice.get(r.product!.replace(/\s+/g, '').toLowerCase());
      expect(price, r.product).toBeDefined();
      expect({ id: r.opportunity_id, created: d.created, engaged: d.engaged, closed: d.closed, status: d.status, amount: Number(d.amount), account: d.account, agent: d.agent }).toEqual({
        id: r.opportunity_id,
        created: r.engage_date || snapshot,
        engaged: r.engage_date || null,
        closed: r.close_date || null,
        status: r.deal_stage!.toLowerCase().replace(/^(prospecting|engaging)$/, 'open'),
        amount: r.deal_stage === 'Won' ? Number(r.close_value) : price,
        account: r.account || null,
        agent: r.sales_agent,
      });
    }
    const months = new Map<string, number>();
    for (const r of pipeline) if (r.deal_stage === 'Won') months.set(r.close_date!.slice(0, 7), (months.get(r.close_date!.slice(0, 7)) ?? 0) + Number(r.close_value));
    const perMonth = await query<{ m: string; revenue: string }>(
      db(),
      `select to_char(d.closed_at at time zone o.time_zone, 'YYYY-MM') as m, sum(d.amount) as revenue
       from deals d cross join organisation o where d.status = 'won' group by 1`,
    );
    expect(Object.fromEntries(perMonth.map((r) => [r.m, Number(r.revenue)]))).toEqual(Object.fromEntries(months));
  }, TIMEOUT);

  it('satisfies the integrity checks of the demo data', async () => {
    const results = await runIntegrityChecks(db(), new Date());
    // The data set has no monthly targets, and the sample invents none: heads set them.
    const targets = results.find((r) => r.id === 'targets');
    expect(targets?.offending).toBe(teams.length);
    expect(results.filter((r) => r.id !== 'targets' && r.offending !== 0)).toEqual([]);
  }, TIMEOUT);

  it('refuses to load into a database that is not empty, and writes nothing', async () => {
    const before = await tableCounts(db());
    await expect(loadMavenSample(db())).rejects.toThrow(SampleRefusedError);
    expect(await tableCounts(db())).toEqual(before);
  }, TIMEOUT);
});

describe.each(DRIVERS)('Maven sample refusal on %s', (driver) => {
  const db = useFreshDatabase(driver);

  it('refuses a database with a single user and leaves it as it was', async () => {
    await db().db.execute(sql`insert into users (email, name, password_hash, role) values ('someone@example.com', 'Someone', 'x', 'admin')`);
    const before = await tableCounts(db());
    await expect(loadMavenSample(db())).rejects.toThrow(/not empty \(users: 1\)/);
    expect(await tableCounts(db())).toEqual(before);
    expect(before.deals).toBe(0);
    expect(before.organisation).toBe(0);
  }, TIMEOUT);
});
