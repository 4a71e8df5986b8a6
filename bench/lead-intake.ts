/**
 * Web-form lead intake over HTTP (DESIGN.md §7: ≥ 1,000 leads/s; duplicates merged, nothing lost).
 * Creates a fresh PostgreSQL database, starts the production server on it (`scripts/start.mjs`:
 * build if needed, migrate, demo data), creates an API key through the service, then posts
 * leads over loopback with a fixed concurrency, ~10% of them repeating an earlier phone. Prints
 * accepted leads per second, latency percentiles, errors, duplicates flagged (from SQL), a count
 * check (leads stored = 201 answers), what the database waited on, and CPU per process.
 *
 * Two timed runs: single posts (what a website form sends) and batches of BENCH_BATCH leads (what
 * an integration posting a backlog sends), each bounded by BENCH_LEADS and BENCH_SECONDS.
 *
 * Usage: npm run bench:intake
 *   BENCH_LEADS (20000 per run) BENCH_BATCH (50) BENCH_CONCURRENCY (64) BENCH_SECONDS (120, time limit of each timed run)
 *   BENCH_WARMUP (1000) BENCH_PORT (3330) BENCH_DB (voronka_bench_intake)
 *   BENCH_PG (postgres://postgres@127.0.0.1:5432, the server the database is created on)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from '@/db/client';
import { loadActiveUser } from '@/server/auth/session-user';
import { createApiKey } from '@/server/services/api-keys/api-key-admin';
import { summarize } from './stats';

const root = path.resolve(import.meta.dirname, '..');
const LEADS = Number(process.env.BENCH_LEADS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3330);
const DB_NAME = process.env.BENCH_DB ?? 'voronka_bench_intake';
const PG = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const REPEAT_SHARE = 0.1;
const databaseUrl = `${PG}/${DB_NAME}`;
/** Marks this run's leads (utm_campaign) so the SQL checks count only them. */
const RUN_TAG = `bench-intake-${Date.now()}`;

async function recreateDatabase() {
  const server = postgres(`${PG}/postgres`, { max: 1, onnotice: () => {} });
  try {
    await server.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
    await server.unsafe(`create database "${DB_NAME}"`);
  } finally {
    await server.end({ timeout: 5 });
  }
}

function startServer(): ChildProcess {
  return spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(PORT), VORONKA_AUTOMATIONS_EVERY_MINUTES: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitForHealth(server: ChildProcess, deadline: number) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not answer /api/health in time');
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM'); // scripts/start.mjs passes it on to next-server and exits with it
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The team with most managers, all made available (no hours, absences or caps): every lead is assigned. */
async function prepareTeam(db: Database) {
  const [team] = rowsOf<{ team_id: number; managers: number }>(
    await db.execute(sql`select team_id, count(*)::int as managers from users where role = 'manager' and is_active and team_id is not null
                         group by team_id order by count(*) desc, team_id limit 1`),
  );
  if (!team) throw new Error('no team with managers: is the demo data there?');
  await db.execute(sql`delete from user_absences where user_id in (select id from users where team_id = ${team.team_id})`);
  await db.execute(sql`update users set work_schedule = null, open_lead_cap = null, lead_weight = greatest(lead_weight, 1)
                       where team_id = ${team.team_id} and role = 'manager' and is_active`);
  return team;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(body: string, key: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: PORT, path: '/api/v1/leads', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}` } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

interface RunResult {
  sent: number;
  leads: number;
  seconds: number;
  latencies: number[];
  statuses: Map<string, number>;
  accepted: number[];
  repeats: number;
}

/**
 * Posts `count` leads from number `from` on, `batch` per post (1: a single lead object, else
 * `{ leads: [...] }`), with CONCURRENCY workers until done or the time is up.
 */
async function run(key: string, from: number, count: number, seconds: number, phones: string[], batch = 1, expected = 201): Promise<RunResult> {
  const result: RunResult = { sent: 0, leads: 0, seconds: 0, latencies: [], statuses: new Map(), accepted: [], repeats: 0 };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let next = 0;
  const lead = (i: number) => {
    // A repeat takes a phone already accepted, so its first lead is committed and must be found.
    const repeat = phones.length > 100 && Math.random() < REPEAT_SHARE;
    const phone = repeat ? phones[Math.floor(Math.random() * phones.length)]! : `+7 912 ${String(3_000_000 + i).padStart(7, '0')}`;
    return { repeat, phone, fields: { name: `Клиент ${i}`, phone, comment: 'Заявка с сайта: прошу перезвонить', source: 'website', utm_source: 'bench', utm_campaign: RUN_TAG } };
  };
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const size = Math.min(batch, count - next);
      const first = from + next;
      next += size;
      const leads = Array.from({ length: size }, (_, k) => lead(first + k));
      const body = JSON.stringify(batch === 1 ? leads[0]!.fields : { leads: leads.map((item) => item.fields) });
      const t0 = performance.now();
      let status = 'network error';
      try {
        const response = await post(body, key);
        status = String(response.status);
        if (response.status === 201) {
          const answer = JSON.parse(response.text) as { id: number } | { leads: { id: number }[] };
          result.accepted.push(...('leads' in answer ? answer.leads.map((item) => item.id) : [answer.id]));
          for (const item of leads) {
            if (item.repeat) result.repeats += 1;
            else phones.push(item.phone);
          }
        } else if (response.status !== expected && result.statuses.get(status) === undefined) {
          console.error(`  first ${status} answer: ${response.text.slice(0, 300)}`);
        }
      } catch (error) {
        if (!result.statuses.has(status)) console.error(`  ${(error as Error).message}`);
      }
      result.latencies.push(performance.now() - t0);
      result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
      result.sent += 1;
      result.leads += size;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

async function transactions(db: Database): Promise<number> {
  const [row] = rowsOf<{ n: string }>(await db.execute(sql`select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()`));
  return Number(row?.n ?? 0);
}

/** What active connections of the bench database wait on, sampled every 50 ms (no extension needed). */
function sampleWaits(db: Database) {
  const counts = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const rows = rowsOf<{ wait: string; n: number }>(
        await db.execute(sql`select coalesce(wait_event_type || ':' || wait_event, 'on CPU') as wait, count(*)::int as n
                             from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()
                             group by 1`),
      );
      samples += 1;
      for (const row of rows) counts.set(row.wait, (counts.get(row.wait) ?? 0) + row.n);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return { samples, counts };
  };
}

/** CPU seconds used so far by the app server (next-server) and by PostgreSQL backends, from /proc. */
function cpuSeconds(): { server: number; postgres: number } {
  const tick = 100; // USER_HZ on Linux
  const total = { server: 0, postgres: 0 };
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const used = (Number(fields[11]) + Number(fields[12])) / tick;
      if (comm.startsWith('next-server')) total.server += used;
      else if (comm === 'postgres') total.postgres += used;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** One timed run with its figures: leads and posts per second, latency, CPU, what the database waited on. */
async function timedRun(db: Database, label: string, key: string, from: number, phones: string[], batch: number): Promise<RunResult> {
  const loadBefore = os.loadavg()[0]!;
  const xactsBefore = await transactions(db);
  const stopSampling = sampleWaits(db);
  const cpuBefore = cpuSeconds();
  const clientBefore = process.cpuUsage();
  const timed = await run(key, from, LEADS, SECONDS, phones, batch);
  const cpuAfter = cpuSeconds();
  const client = process.cpuUsage(clientBefore);
  const waits = await stopSampling();
  const xacts = (await transactions(db)) - xactsBefore;

  const latency = summarize(timed.latencies);
  const accepted = timed.accepted.length;
  const rate = accepted / timed.seconds;
  const errors = [...timed.statuses].filter(([status]) => status !== '201');
  const seconds = timed.seconds;
  const serverCpu = cpuAfter.server - cpuBefore.server;
  const postgresCpu = cpuAfter.postgres - cpuBefore.postgres;
  const totalWaits = [...waits.counts.values()].reduce((a, b) => a + b, 0);
  const topWaits = [...waits.counts].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log('');
  console.log(`${label}: ${timed.leads} leads in ${timed.sent} posts, ${seconds.toFixed(2)} s${timed.leads < LEADS ? ' (time limit reached)' : ''}`);
  console.log(`  accepted: ${accepted} leads = ${rate.toFixed(0)} leads/s, ${(timed.sent / seconds).toFixed(0)} posts/s (target ≥ 1,000 leads/s: ${rate >= 1000 ? 'met' : 'MISSED'})`);
  console.log(`  latency per post: p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`);
  console.log(`  errors: ${errors.length === 0 ? 'none' : errors.map(([status, n]) => `${n} × ${status}`).join(', ')}`);
  console.log(`  CPU per lead: next-server ${((1000 * serverCpu) / Math.max(1, accepted)).toFixed(2)} ms (${(serverCpu / seconds).toFixed(2)} cores), postgres ${((1000 * postgresCpu) / Math.max(1, accepted)).toFixed(2)} ms (${(postgresCpu / seconds).toFixed(2)} cores), bench client ${((client.user + client.system) / 1e6 / seconds).toFixed(2)} cores; load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
  console.log(`  database: ${(xacts / Math.max(1, timed.sent)).toFixed(1)} transactions a post; sessions: ${topWaits.map(([wait, n]) => `${wait} ${((100 * n) / Math.max(1, totalWaits)).toFixed(0)}%`).join(', ')}`);
  return timed;
}

async function main() {
  console.log(`lead intake bench: ${LEADS} leads per run (time limit ${SECONDS} s), batches of ${BATCH}, concurrency ${CONCURRENCY}, ${REPEAT_SHARE * 100}% repeated phones, database ${DB_NAME}`);
  await recreateDatabase();
  const server = startServer();
  const handle = await openDatabase({ url: databaseUrl, maxConnections: 2 });
  try {
    const startedAt = Date.now();
    await waitForHealth(server, startedAt + 15 * 60_000);
    console.log(`server ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (build if needed, migrations, demo data)`);
    const { db } = handle;
    const team = await prepareTeam(db);
    const [adminRow] = rowsOf<{ id: number }>(await db.execute(sql`select id from users where role = 'admin' and is_active order by id limit 1`));
    const admin = adminRow ? await loadActiveUser(db, adminRow.id) : null;
    if (!admin) throw new Error('no admin user in the demo data');
    await db.execute(sql`insert into lead_sources (code, name_ru, name_en) values ('website', 'Сайт', 'Website') on conflict (code) do nothing`);
    const { key } = await createApiKey({ db, actor: admin }, { name: 'bench', teamId: team.team_id, rateLimitPerMinute: 1_000_000 });
    console.log(`team ${team.team_id}: ${team.managers} managers, all at work; API key created (limit 1,000,000/min)`);

    const phones: string[] = [];
    const warm = await run(key, 0, WARMUP, 60, phones);
    console.log(`warm-up: ${warm.sent} posts in ${warm.seconds.toFixed(1)} s`);

    const single = await timedRun(db, 'single posts (website forms)', key, WARMUP, phones, 1);
    const batched = await timedRun(db, `batches of ${BATCH} (integrations)`, key, WARMUP + LEADS, phones, BATCH);

    // The ceiling of the HTTP layer on this machine: the same posts with an unknown key are
    // answered after reading the body and one indexed lookup.
    const baseline = await run(`vk_aaaaaaaa_${'A'.repeat(43)}`, 0, 3_000, 20, [], 1, 401);
    console.log(`HTTP ceiling here: ${(baseline.sent / baseline.seconds).toFixed(0)} answers/s for 401s (body parsed, one key lookup), p99 ${summarize(baseline.latencies).p99.toFixed(1)} ms`);

    // Distribution may still be finishing a batch: give it a moment before counting owners.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const allAccepted = [...warm.accepted, ...single.accepted, ...batched.accepted];
    const [stats] = rowsOf<{ stored: number; owned: number; tasks: number; flagged: number; distinct_phones: number }>(
      await db.execute(sql`
        with bench as (select id, owner_id, phone_normalized, duplicate_of_lead_id from leads where utm_campaign = ${RUN_TAG})
        select (select count(*)::int from bench) as stored,
               (select count(*)::int from bench where owner_id is not null) as owned,
               (select count(*)::int from activities a join bench b on a.lead_id = b.id where a.kind = 'task') as tasks,
               (select count(*)::int from bench b where exists (
                  select 1 from bench d where d.id = b.duplicate_of_lead_id and d.phone_normalized = b.phone_normalized)) as flagged,
               (select count(distinct phone_normalized)::int from bench) as distinct_phones`),
    );
    const repeatsSent = warm.repeats + single.repeats + batched.repeats;
    const distinctIds = new Set(allAccepted).size;
    console.log(`duplicates: ${repeatsSent} posts repeated an earlier phone; ${stats!.flagged} leads flagged as duplicates of an earlier bench lead (SQL); ${stats!.stored - stats!.distinct_phones} leads share a phone with an earlier one`);
    const lost = allAccepted.length - stats!.stored;
    console.log(`count check: ${allAccepted.length} answered 201 (${distinctIds} distinct ids), ${stats!.stored} stored → ${lost === 0 && distinctIds === allAccepted.length ? 'nothing lost, nothing doubled' : `MISMATCH (${lost})`}`);
    console.log(`distribution: ${stats!.owned} of ${stats!.stored} leads have an owner, ${stats!.tasks} first tasks`);
    if (lost !== 0 || stats!.flagged < repeatsSent) process.exitCode = 1;
  } finally {
    await handle.close();
    await stopServer(server);
    agent.destroy();
  }
}

await main();
