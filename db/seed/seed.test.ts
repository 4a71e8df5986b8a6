/**
 * The demo seed on a fresh in-memory PGlite and on a fresh PostgreSQL database: identical data
 * on both, every rule of DESIGN.md section 3 holds (each check is also shown to catch a broken
 * row), counts sit in the demo ranges, and the demo day is "dirty" where it should be.
 */
import { randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type DatabaseHandle } from '../client';
import { migrateDatabase } from '../migrate';
import { DEMO_LOGINS, DEMO_PASSWORD, SEEDED_TABLES, isDatabaseEmpty, seedDatabase, type SeedResult } from './index';
import { isValidInn } from './inn';
import { countOffending, integrityChecks, type IntegrityCheck } from './integrity-checks';

const TIMEOUT = 120_000;
const SEED = 4242;
/** Wednesday 11:30 in Moscow: a working day, so "today" has tasks both done and due. */
const NOW = new Date('2026-03-18T08:30:00Z');
const TODAY_MSK = '2026-03-18';
const THIS_MONTH = '2026-03-01';
const ADMIN_URL = process.env.VORONKA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function query<T>(handle: DatabaseHandle, statement: string): Promise<T[]> {
  return rowsOf<T>(await handle.db.execute(sql.raw(statement)));
}

async function count(handle: DatabaseHandle, statement: string): Promise<number> {
  const rows = await query<{ n: number | string }>(handle, statement);
  return Number(rows[0]?.n);
}

/** Rows as PostgreSQL prints them, in UTC, so two drivers and two servers compare as text. */
async function tableText(handle: DatabaseHandle, table: string, limit?: number): Promise<{ rows: string[]; fingerprint: string }> {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql.raw("set local timezone to 'UTC'"));
    await tx.execute(sql.raw("set local datestyle to 'ISO, YMD'"));
    const rows = rowsOf<{ row: string }>(
      await tx.execute(sql.raw(`select t::text as "row" from "${table}" t order by t.id limit ${limit ?? 5}`)),
    ).map((r) => r.row);
    const [fp] = rowsOf<{ fp: string }>(
      await tx.execute(sql.raw(`select md5(coalesce(string_agg(t::text, E'\\n' order by t.id), '')) as "fp" from "${table}" t`)),
    );
    return { rows, fingerprint: fp?.fp ?? '' };
  });
}

/**
 * One corruption per check: each breaks exactly the rule its check guards (constraints stay
 * satisfied), proving the check can fail. Run inside a rolled-back transaction.
 */
const CORRUPTIONS: Record<string, string> = {
  'history-forward': `update deal_stage_history set changed_at = changed_at + interval '3 years'
    where id = (select min(h.id) from deal_stage_history h join deals d on d.id = h.deal_id where d.status = 'won')`,
  'history-chain': `update deal_stage_history set from_stage_id = null where id = (select max(id) from deal_stage_history where from_stage_id is not null)`,
  'history-pipeline': `update deal_stage_history set to_stage_id = 9
    where id = (select max(h.id) from deal_stage_history h join deals d on d.id = h.deal_id where d.pipeline_id = 1)`,
  'history-start': `update deals set created_at = created_at - interval '1 hour' where id = 1`,
  'history-current': `update deals set stage_entered_at = stage_entered_at + interval '1 second' where id = 1`,
  'status-kind': `update deals set status = 'open', closed_at = null where id = (select min(id) from deals where status = 'won')`,
  'closed-at': `update deals set closed_at = closed_at + interval '1 second' where id = (select min(id) from deals where status = 'won')`,
  'loss-reason': `update deals set loss_reason_id = 1 where id = (select min(id) from deals where status = 'won')`,
  'furthest-stage': `update deals set furthest_stage_order = furthest_stage_order + 1 where id = 1`,
  'stage-stays': `update deal_stage_history set left_at = left_at + interval '1 second' where id = (select min(id) from deal_stage_history where left_at is not null)`,
  'lost-from-stage': `update deals set lost_from_stage_id = null where id = (select min(id) from deals where status = 'lost')`,
  'lead-monthly': `update lead_monthly set converted = converted + 1 where ctid = (select min(ctid) from lead_monthly)`,
  'deal-outcome-monthly': `update deal_outcome_monthly set won = won + 1 where ctid = (select min(ctid) from deal_outcome_monthly)`,
  'deal-loss-monthly': `update deal_loss_monthly set lost = lost + 1 where id = (select min(id) from deal_loss_monthly where lost > 0)`,
  'deal-cohort-monthly': `update deal_cohort_monthly set deals = deals + 1 where id = (select min(id) from deal_cohort_monthly where deals > 0)`,
  'stage-stay-monthly': `update stage_stay_monthly set stays_0_1h = stays_0_1h + 1 where id = (select min(id) from stage_stay_monthly where stays > 0)`,
  'invoice-flow-monthly': `update invoice_flow_monthly set paid_amount = paid_amount + 1 where id = (select min(id) from invoice_flow_monthly where payments > 0)`,
  'open-tasks': `update deals set open_task_count = open_task_count + 1 where id = (select min(id) from deals where status = 'open')`,
  'last-activity': `update deals set last_activity_at = coalesce(last_activity_at, created_at) + interval '1 minute' where id = 1`,
  'tasks-on-open': `update activities set done_at = null, due_at = coalesce(due_at, created_at)
    where id = (select min(a.id) from activities a join deals d on d.id = a.deal_id where d.status = 'won' and a.kind = 'task')`,
  'is-repeat': `update deals set is_repeat = not is_repeat where id = 1`,
  'activity-times': `update activities set created_at = created_at - interval '10 years' where id = 1`,
  'no-future': `update companies set created_at = created_at + interval '100 years' where id = 1`,
  'invoice-paid': `update invoices set paid_amount = paid_amount + 0.01 where id = (select min(id) from invoices where paid_amount < total)`,
  'invoice-numbers': `update invoices set seq = seq + 1000 where id = (select max(id) from invoices)`,
  'line-totals': `update proposal_items set line_total = line_total + 0.01 where id = 1`,
  'version-totals': `update proposal_versions set total = total + 1 where id = 1`,
  'lead-first-activity': `update leads set first_activity_at = first_activity_at + interval '1 second'
    where id = (select min(id) from leads where first_activity_at is not null)`,
  'activity-daily': `update activity_daily set talk_seconds = talk_seconds + 1 where (owner_id, day) = (select owner_id, day from activity_daily where calls > 0 order by 1, 2 limit 1)`,
  'lead-response-daily': `update lead_response_daily set response_0_5m = response_0_5m + 1, response_5m_15m = response_5m_15m - 1
    where (owner_id, day) = (select owner_id, day from lead_response_daily where response_5m_15m > 0 order by 1, 2 limit 1)`,
  'conversion-links': `update deals set lead_id = null where id = (select min(id) from deals where lead_id is not null)`,
  duplicates: `update leads set duplicate_of_lead_id = id where id = (select min(id) from leads where duplicate_of_lead_id is not null)`,
  'normalized-contacts': `update leads set phone_normalized = '+70000000000' where id = (select min(id) from leads where phone is not null)`,
  'lead-team': `update leads set team_id = 3 where id = (select min(l.id) from leads l join users u on u.id = l.owner_id where u.team_id = 1)`,
  'deactivated-owners': `update deals set owner_id = (select min(id) from users where not is_active) where id = (select min(id) from deals where status = 'open')`,
  targets: `delete from targets where id = (select min(id) from targets where month = '${THIS_MONTH}' and user_id is not null)`,
  'churn-spells': `update client_active_spells set wins = wins + 1 where (client_kind, client_id, spell_no) = (select client_kind, client_id, spell_no from client_active_spells order by 1, 2, 3 limit 1)`,
  'churn-win-months': `update client_win_months set won_amount = won_amount + 1 where (client_kind, client_id, month) = (select client_kind, client_id, month from client_win_months order by 1, 2, 3 limit 1)`,
  'churn-spell-months': `update churn_spell_months set spells = spells + 1 where (first_month, until_month) = (select first_month, until_month from churn_spell_months order by 1, 2 limit 1)`,
  'churn-cohort-cells': `update churn_cohort_cells set clients = clients + 1 where (cohort_month, month) = (select cohort_month, month from churn_cohort_cells order by 1, 2 limit 1)`,
  // Sequences are not transactional: this one is undone explicitly after the check.
  identities: `select nextval('deals_id_seq')`,
};

describe('demo seed', () => {
  let lite: DatabaseHandle;
  let server: DatabaseHandle;
  let admin: postgres.Sql;
  const databaseName = `voronka_seedtest_${randomBytes(6).toString('hex')}`;
  const results: { lite?: SeedResult; server?: SeedResult } = {};
  const checks = integrityChecks(NOW);

  beforeAll(async () => {
    admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${databaseName}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${databaseName}`;
    server = await openDatabase({ url: url.toString(), maxConnections: 2 });
    lite = await openDatabase({});
    await Promise.all([migrateDatabase(lite), migrateDatabase(server)]);
    results.lite = await seedDatabase(lite, { scale: 'demo', seed: SEED, now: NOW });
    results.server = await seedDatabase(server, { scale: 'demo', seed: SEED, now: NOW });
  }, 4 * TIMEOUT);

  afterAll(async () => {
    await lite?.close();
    await server?.close();
    if (admin) {
      await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
      await admin.end({ timeout: 5 });
    }
  }, TIMEOUT);

  it('writes the same rows on PGlite and on PostgreSQL', async () => {
    expect(results.server?.counts).toEqual(results.lite?.counts);
    for (const table of ['deals', 'leads', 'activities']) {
      const [a, b] = await Promise.all([tableText(lite, table), tableText(server, table)]);
      expect(a.rows).toHaveLength(5);
      expect(b.rows).toEqual(a.rows);
    }
    for (const table of SEEDED_TABLES) {
      const [a, b] = await Promise.all([tableText(lite, table), tableText(server, table)]);
      expect({ table, fingerprint: b.fingerprint }).toEqual({ table, fingerprint: a.fingerprint });
    }
  }, TIMEOUT);

  it('reports the row counts it wrote', async () => {
    for (const [table, rows] of Object.entries(results.lite?.counts ?? {})) {
      expect({ table, rows: await count(lite, `select count(*) as n from "${table}"`) }).toEqual({ table, rows });
    }
  }, TIMEOUT);

  it('lands in the demo ranges', async () => {
    const counts = results.lite?.counts ?? {};
    const within = (table: string, lo: number, hi: number) => {
      expect({ table, ok: (counts[table] ?? -1) >= lo && (counts[table] ?? -1) <= hi, rows: counts[table] }).toMatchObject({ table, ok: true });
    };
    within('users', 20, 20);
    within('teams', 3, 3);
    within('companies', 500, 700);
    within('contacts', 1000, 1400);
    within('leads', 2500, 3500);
    within('deals', 1500, 2500);
    within('activities', 15_000, 25_000);
    within('deal_stage_history', 4000, 12_000);
    within('products', 15, 15);
    within('proposals', 100, 200);
    within('invoices', 70, 130);
    within('feedback', 20, 200);
  });

  describe.each([
    ['PGlite', () => lite],
    ['PostgreSQL', () => server],
  ] as const)('rules hold on %s', (_label, handle) => {
    it.each(checks.map((c) => [c.name, c] as const))('%s', async (_name, check: IntegrityCheck) => {
      expect(await countOffending(handle(), check)).toBe(0);
    }, TIMEOUT);
  });

  it('has a check for every rule it corrupts and a corruption for every check', () => {
    expect(Object.keys(CORRUPTIONS).sort()).toEqual(checks.map((c) => c.id).sort());
  });

  it.each(checks.map((c) => [c.name, c] as const))('the check "%s" catches a broken row', async (_name, check: IntegrityCheck) => {
    if (lite.raw.kind !== 'pglite') throw new Error('expected PGlite');
    const pg = lite.raw.client;
    await pg.exec('begin');
    try {
      await pg.exec(CORRUPTIONS[check.id] ?? 'select 1');
      expect(await countOffending(lite, check)).toBeGreaterThan(0);
    } finally {
      await pg.exec('rollback');
      if (check.id === 'identities') await pg.exec(`select setval('deals_id_seq', (select max(id) + 1 from deals), false)`);
    }
    expect(await countOffending(lite, check)).toBe(0);
  }, TIMEOUT);

  it('makes the demo day dirty on purpose (hygiene has something to show)', async () => {
    const at = `'${NOW.toISOString()}'::timestamptz`;
    const untouched = await count(lite, `select count(*) as n from deals d join stages s on s.id = d.stage_id
      where d.status = 'open' and s.sort_order = 1 and not exists (select 1 from activities a where a.deal_id = d.id)`);
    const noTask = await count(lite, `select count(*) as n from deals where status = 'open' and open_task_count = 0`);
    const overdue = await count(lite, `select count(*) as n from deals where status = 'open' and next_task_due_at < ${at}`);
    const dueToday = await count(lite, `select count(*) as n from activities
      where done_at is null and due_at >= ${at} and (due_at at time zone 'Europe/Moscow')::date = '${TODAY_MSK}'`);
    const future = await count(lite, `select count(*) as n from activities where done_at is null and due_at > ${at} + interval '1 day'`);
    const birthdays = await count(lite, `select count(*) as n from contacts where to_char(birthday, 'MM-DD') = '${TODAY_MSK.slice(5)}'`);
    const newLeads = await count(lite, `select count(*) as n from leads where status = 'new'`);
    const debts = await count(lite, `select count(*) as n from invoices where paid_amount < total and status <> 'cancelled' and due_date < '${TODAY_MSK}'`);
    const partial = await count(lite, `select count(*) as n from invoices where paid_amount > 0 and paid_amount < total`);
    const repeat = await count(lite, `select count(*) as n from deals where is_repeat`);
    const skipped = await count(lite, `select count(*) as n from deal_stage_history h
      join stages s on s.id = h.to_stage_id join stages f on f.id = h.from_stage_id where s.sort_order > f.sort_order + 1 and s.kind = 'open'`);
    const mergedDuplicates = await count(lite, `select count(*) as n from leads where duplicate_of_lead_id is not null`);
    const openDuplicates = await count(lite, `select count(*) as n from leads l where l.status in ('new', 'in_progress') and l.duplicate_of_lead_id is null
      and exists (select 1 from leads o where o.id < l.id and (o.phone_normalized = l.phone_normalized or o.email_normalized = l.email_normalized))`);
    const formerDeals = await count(lite, `select count(*) as n from deals d join users u on u.id = d.owner_id where not u.is_active`);
    for (const [what, n] of Object.entries({ untouched, noTask, overdue, dueToday, future, birthdays, newLeads, debts, partial, repeat, skipped, mergedDuplicates, openDuplicates, formerDeals })) {
      expect({ what, present: n > 0 }).toEqual({ what, present: true });
    }
  }, TIMEOUT);

  it('creates the demo accounts listed in the README, all with the demo password', async () => {
    expect(DEMO_LOGINS.map((l) => l.role)).toEqual(['admin', 'executive', 'head', 'head', 'head', ...Array<string>(14).fill('manager')]);
    const users = await query<{ email: string; name: string; role: string; team: string | null; is_active: boolean; password_hash: string }>(
      lite,
      `select u.email, u.name, u.role, t.name as team, u.is_active, u.password_hash from users u left join teams t on t.id = u.team_id order by u.id`,
    );
    for (const login of DEMO_LOGINS) {
      const user = users.find((u) => u.email === login.email);
      expect(user && { email: user.email, name: user.name, role: user.role, team: user.team, active: user.is_active }).toEqual({ ...login, active: true });
    }
    expect(users.filter((u) => !u.is_active).map((u) => u.email)).toEqual(['former@voronka.demo']);
    const heads = await count(lite, `select count(*) as n from teams t join users u on u.id = t.head_id where u.role = 'head' and u.team_id = t.id`);
    expect(heads).toBe(3);
    expect(await verify(users[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verify(users[0]!.password_hash, 'wrong password')).toBe(false);
  }, TIMEOUT);

  it('gives every company a valid INN (check digits) and no INN twice', async () => {
    const rows = await query<{ inn: string | null }>(lite, 'select inn from companies');
    const inns = rows.map((r) => r.inn).filter((inn): inn is string => inn !== null);
    expect(inns.length).toBeGreaterThan(rows.length * 0.9);
    expect(inns.filter((inn) => !isValidInn(inn))).toEqual([]);
    expect(new Set(inns).size).toBe(inns.length);
  }, TIMEOUT);

  it('refuses a non-empty database and the large scale on PGlite', async () => {
    expect(await isDatabaseEmpty(lite)).toBe(false);
    await expect(seedDatabase(lite, { scale: 'demo', seed: SEED, now: NOW })).rejects.toThrow(/already has users/);
    await expect(seedDatabase(lite, { scale: 'large', seed: SEED, now: NOW })).rejects.toThrow(/PostgreSQL server/);
  }, TIMEOUT);

  it('lets the app insert rows after the seed (identities continue)', async () => {
    await lite.db.transaction(async (tx) => {
      const [row] = rowsOf<{ id: number }>(
        await tx.execute(sql.raw(`insert into pipelines (name) values ('Тест') returning id`)),
      );
      expect(row?.id).toBe(3);
      tx.rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Error) || !/rollback/i.test(error.message)) throw error;
    });
  }, TIMEOUT);
});
