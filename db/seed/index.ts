/**
 * Deterministic data generator: `seedDatabase` fills an empty, migrated database with a whole
 * sales department's history. Same seed + same `now` → identical rows on PGlite and PostgreSQL.
 *
 * How: plan the facts in typed arrays (clients → deals → leads), then stream every table in one
 * transaction with COPY, foreign keys and (at large scale) secondary indexes detached during the
 * load and re-attached (re-validated) at the end.
 */
import { hash } from '@node-rs/argon2';
import type { DatabaseHandle } from '../client';
import { attachActivitySummaries, detachActivitySummaryTriggers } from '../summaries/activity-daily';
import { CLIENT_SPELL_TABLES, RESUME_CLIENT_SPELLS_SQL, SUSPEND_CLIENT_SPELLS_SQL } from '../summaries/client-spells';
import { withBulkSession } from './bulk-loader';
import { planClients } from './clients-plan';
import { createContext } from './context';
import { planDeals } from './deals-plan';
import { planLeads } from './leads-plan';
import { loadActivities } from './load-activities';
import { loadCompanies, loadContacts } from './load-clients';
import { loadDeals, loadStageHistory } from './load-deals';
import { loadFeedback } from './load-feedback';
import { loadInvoices } from './load-invoices';
import { loadLeads } from './load-leads';
import { detachConstraints, reattachConstraints, resetIdentities, truncateTables } from './load-preparation';
import { loadProposals } from './load-proposals';
import { loadReference } from './load-reference';
import { loadTargets } from './load-targets';
import { loadReportSummaries } from './load-summaries';
import { recentMonths } from './months';
import { createProgress } from './progress';
import { mix32 } from './random';
import { scaleParams, type SeedScale } from './scale';
import { staffRoster } from './staff';

export type { SeedScale } from './scale';

export interface SeedOptions {
  scale: SeedScale;
  /** Default 20261122. */
  seed?: number;
  /** Anchor of all generated times; default: the current time. */
  now?: Date;
  onProgress?: (message: string) => void;
}

export interface SeedResult {
  /** Rows written per table. */
  counts: Record<string, number>;
}

export const DEFAULT_SEED = 20261122;
export const DEMO_PASSWORD = 'voronka-demo';

/** The demo accounts (all with DEMO_PASSWORD); the deactivated former manager is not among them. */
export const DEMO_LOGINS: { role: 'admin' | 'executive' | 'head' | 'manager'; email: string; name: string; team: string | null }[] =
  staffRoster(scaleParams('demo'), DEFAULT_SEED)
    .filter((u) => !u.former)
    .map((u) => ({ role: u.role, email: u.email, name: u.name, team: u.team === null ? null : scaleParams('demo').teams[u.team]!.name }));

/** Every table the generator writes, in load order. */
export const SEEDED_TABLES = [
  'organisation', 'teams', 'users', 'lead_sources', 'junk_reasons', 'loss_reasons', 'pipelines', 'stages',
  'products', 'companies', 'contacts', 'activities', 'leads', 'deals', 'deal_stage_history', 'proposals',
  'proposal_versions', 'proposal_items', 'invoices', 'payments', 'feedback', 'targets',
] as const;

const IDENTITY_TABLES = SEEDED_TABLES.filter((t) => t !== 'organisation');

/** True while no user exists: the app seeds the demo on first start only then. */
export async function isDatabaseEmpty(handle: DatabaseHandle): Promise<boolean> {
  const statement = 'select exists (select 1 from users) as "present"';
  if (handle.raw.kind === 'postgres') {
    const rows = await handle.raw.client.unsafe(statement);
    return !(rows[0] as { present: boolean } | undefined)?.present;
  }
  const result = await handle.raw.client.query<{ present: boolean }>(statement);
  return !result.rows[0]?.present;
}

/** The same salt for the same seed keeps password_hash (and so the users rows) reproducible. */
function deterministicSalt(seed: number): Uint8Array {
  const salt = new Uint8Array(16);
  for (let i = 0; i < salt.length; i++) salt[i] = mix32(seed, 0x5a17 + i) & 0xff;
  return salt;
}

export async function seedDatabase(handle: DatabaseHandle, options: SeedOptions): Promise<SeedResult> {
  const params = scaleParams(options.scale);
  const report = options.onProgress ?? (() => {});
  if (handle.driver === 'pglite' && !params.pgliteAllowed) {
    throw new Error(
      `The "${options.scale}" scale needs a PostgreSQL server (set DATABASE_URL): the embedded PGlite is single-threaded and would take hours.`,
    );
  }
  if (!(await isDatabaseEmpty(handle))) {
    throw new Error('seedDatabase: the database already has users; seed only an empty, migrated database.');
  }
  const seed = options.seed ?? DEFAULT_SEED;
  const ctx = createContext(params, seed, (options.now ?? new Date()).getTime());

  report(`planning ${options.scale} organisation (seed ${seed}, now ${new Date(ctx.now).toISOString()})`);
  const clients = planClients(ctx);
  const deals = planDeals(ctx, clients);
  const leads = planLeads(ctx, clients, deals);
  report(`planned ${clients.companyCount} companies, ${clients.contactCount} contacts, ${deals.count} deals, ${leads.count} leads`);
  const passwordHash = await hash(DEMO_PASSWORD, { salt: deterministicSalt(seed) });

  const counts: Record<string, number> = {};
  const progress = createProgress(report);
  await withBulkSession(handle, SEEDED_TABLES, progress.rows, async (session) => {
    // Summary columns and tables are written by the loaders themselves; their triggers stand aside.
    await session.exec("set local voronka.bulk_load = 'on'");
    if (session.driver === 'postgres') {
      await session.exec("set local maintenance_work_mem = '512MB'");
      await session.exec('set local synchronous_commit = off');
    }
    const detached = await detachConstraints(session, params.rebuildIndexes);
    await truncateTables(session, SEEDED_TABLES);
    const activityTriggers = await detachActivitySummaryTriggers(session);
    // Summaries kept by row triggers are filled once, set-based, after the load.
    for (const statement of SUSPEND_CLIENT_SPELLS_SQL) await session.exec(statement);

    await loadReference(ctx, session, passwordHash, counts);
    counts.companies = await loadCompanies(ctx, session, clients);
    counts.contacts = await loadContacts(ctx, session, clients);
    const activities = await loadActivities(ctx, session, deals, leads, recentMonths(ctx.today, 6));
    counts.activities = activities.rows;
    counts.leads = await loadLeads(ctx, session, clients, leads, activities.summaries.leadFirstActivity);
    counts.deals = await loadDeals(ctx, session, clients, deals, activities.summaries);
    counts.deal_stage_history = await loadStageHistory(ctx, session, deals);
    const links = await loadProposals(ctx, session, clients, deals, counts);
    await loadInvoices(ctx, session, deals, links, counts);
    counts.feedback = await loadFeedback(ctx, session, deals);
    counts.targets = await loadTargets(ctx, session, deals, activities.summaries);
    await loadReportSummaries(session);
    await attachActivitySummaries(session, activityTriggers);

    report('churn summaries');
    for (const statement of RESUME_CLIENT_SPELLS_SQL) await session.exec(statement);
    report(`re-attaching ${detached.indexes.length} indexes and ${detached.foreignKeys.length} foreign keys`);
    await reattachConstraints(session, detached, progress.step);
    await resetIdentities(session, IDENTITY_TABLES);
    report('analyze');
    await session.exec(`analyze ${[...SEEDED_TABLES, ...CLIENT_SPELL_TABLES].map((t) => `"${t}"`).join(', ')}`);
  });
  return { counts };
}
