/**
 * Loads the Maven "CRM Sales Opportunities" data set into an empty, migrated database as an
 * organisation of its own, in one transaction: either everything is written or nothing is.
 * The mapping is explained in plan.ts.
 */
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Database, type DatabaseHandle } from '../../client';
import {
  companies,
  dealStageHistory,
  deals,
  junkReasons,
  leadSources,
  lossReasons,
  organisation,
  pipelines,
  products,
  stages,
  teams,
  users,
} from '../../schema';
import { DEMO_PASSWORD } from '../../seed';
import { RESUME_CLIENT_SPELLS_SQL, SUSPEND_CLIENT_SPELLS_SQL } from '../../summaries/client-spells';
import { stageStays } from '../../summaries/stage-stays';
import { JUNK_REASONS, LEAD_SOURCES, LOSS_REASONS } from '../../seed/reference-data';
import { MAVEN_CURRENCY, MAVEN_ORGANISATION_NAME, MAVEN_PIPELINE, MAVEN_STAGE_DEFS, MAVEN_TIME_ZONE, UNKNOWN_LOSS_REASON, planMaven } from './plan';
import { DEFAULT_MAVEN_DIR, readMavenData } from './read';

/** Tables that must be empty before a sample is loaded (the organisation row is overwritten). */
export const SAMPLE_TABLES = [
  'users', 'teams', 'lead_sources', 'junk_reasons', 'loss_reasons', 'pipelines', 'stages', 'products',
  'companies', 'contacts', 'leads', 'deals', 'deal_stage_history', 'activities',
] as const;

/** Tables whose identity sequences continue after the explicit ids written here. */
const WRITTEN_IDENTITY_TABLES = [
  'teams', 'users', 'lead_sources', 'junk_reasons', 'loss_reasons', 'pipelines', 'stages', 'products', 'companies', 'deals', 'deal_stage_history',
] as const;

export class SampleRefusedError extends Error {
  constructor(public readonly occupied: Record<string, number>) {
    super(
      `The database is not empty (${Object.entries(occupied).map(([t, n]) => `${t}: ${n}`).join(', ')}). ` +
        'A sample loads only into an empty database: point DATABASE_URL at a new database, or use a fresh PGLITE_DIR ' +
        '(run the command before the app\'s first start, which fills an empty database with the demo data).',
    );
    this.name = 'SampleRefusedError';
  }
}

export interface SampleLoadResult {
  /** Rows written per table. */
  counts: Record<string, number>;
}

/** Row counts of the tables that must be empty; only the non-empty ones. */
async function occupiedTables(db: Database): Promise<Record<string, number>> {
  const statement = SAMPLE_TABLES.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all ');
  const rows = rowsOf<{ t: string; n: number }>(await db.execute(sql.raw(statement)));
  return Object.fromEntries(rows.filter((r) => Number(r.n) > 0).map((r) => [r.t, Number(r.n)]));
}

async function insertAll(tx: Database, table: PgTable, rows: Record<string, unknown>[], chunk = 1000): Promise<number> {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk) as never);
  return rows.length;
}

export async function loadMavenSample(
  handle: DatabaseHandle,
  options: { dir?: string; onProgress?: (message: string) => void } = {},
): Promise<SampleLoadResult> {
  const report = options.onProgress ?? (() => {});
  const dir = options.dir ?? DEFAULT_MAVEN_DIR;
  const before = await occupiedTables(handle.db);
  if (Object.keys(before).length > 0) throw new SampleRefusedError(before);

  report(`reading ${dir}`);
  const data = await readMavenData(dir);
  const unknownReasonId = LOSS_REASONS.length + 1;
  const plan = planMaven(data, unknownReasonId);
  report(`planned ${plan.users.length} users, ${plan.companies.length} companies, ${plan.deals.length} deals, ${plan.history.length} stage changes`);
  // Every sample user signs in with the demo password (one hash for all: it is a public password anyway).
  const passwordHash = await hash(DEMO_PASSWORD);
  const started = plan.started;
  const stamp = { createdAt: started, updatedAt: started, version: 1 };

  const counts: Record<string, number> = {};
  await handle.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    // Checked again under a lock: two loads (or the app's first start) racing each other.
    await tx.execute(sql.raw('lock table users in share row exclusive mode'));
    const occupied = await occupiedTables(tx);
    if (Object.keys(occupied).length > 0) throw new SampleRefusedError(occupied);

    await tx
      .insert(organisation)
      .values({ id: 1, name: MAVEN_ORGANISATION_NAME, timeZone: MAVEN_TIME_ZONE, currency: MAVEN_CURRENCY, createdAt: started, updatedAt: started })
      .onConflictDoUpdate({
        target: organisation.id,
        set: { name: MAVEN_ORGANISATION_NAME, timeZone: MAVEN_TIME_ZONE, currency: MAVEN_CURRENCY, updatedAt: new Date() },
      });
    counts.organisation = 1;

    // Teams first without heads (heads are users of the team), then users, then the heads.
    counts.teams = await insertAll(tx, teams, plan.teams.map((t) => ({ ...t, headId: null })));
    counts.users = await insertAll(tx, users, plan.users.map((u) => ({ ...u, passwordHash })));
    for (const t of plan.teams) await tx.execute(sql`update teams set head_id = ${t.headId} where id = ${t.id}`);

    // The usual reference lists, so the sample can be worked on; sources carry no cost here.
    counts.lead_sources = await insertAll(tx, leadSources, LEAD_SOURCES.map((s, i) => ({ id: s.id, code: s.code, nameRu: s.nameRu, nameEn: s.nameEn, sortOrder: i + 1, monthlyCost: null, ...stamp })));
    counts.junk_reasons = await insertAll(tx, junkReasons, JUNK_REASONS.map((r, i) => ({ id: r.id, code: r.code, nameRu: r.nameRu, nameEn: r.nameEn, sortOrder: i + 1, ...stamp })));
    counts.loss_reasons = await insertAll(tx, lossReasons, [
      ...LOSS_REASONS.map((r, i) => ({ id: r.id, code: r.code, nameRu: r.nameRu, nameEn: r.nameEn, sortOrder: i + 1, ...stamp })),
      { id: unknownReasonId, ...UNKNOWN_LOSS_REASON, sortOrder: unknownReasonId, ...stamp },
    ]);

    counts.pipelines = await insertAll(tx, pipelines, [{ id: MAVEN_PIPELINE.id, name: MAVEN_PIPELINE.name, sortOrder: 1, ...stamp }]);
    counts.stages = await insertAll(tx, stages, MAVEN_STAGE_DEFS.map((s) => ({ ...s, pipelineId: MAVEN_PIPELINE.id, ...stamp })));
    counts.products = await insertAll(tx, products, plan.products);
    counts.companies = await insertAll(tx, companies, plan.companies);
    report('writing deals');
    // The churn summaries are filled once after the deals, not row by row.
    for (const statement of SUSPEND_CLIENT_SPELLS_SQL) await tx.execute(sql.raw(statement));
    counts.deals = await insertAll(tx, deals, plan.deals);
    for (const statement of RESUME_CLIENT_SPELLS_SQL) await tx.execute(sql.raw(statement));
    // Time in stage and the stage lost from are computed once for all the history, not per row.
    await tx.execute(sql`select set_config('voronka.bulk_load', 'on', true)`);
    counts.deal_stage_history = await insertAll(tx, dealStageHistory, plan.history, 2000);
    await tx.execute(sql`select set_config('voronka.bulk_load', 'off', true)`);
    await stageStays.rebuild(tx);

    for (const table of WRITTEN_IDENTITY_TABLES) {
      await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('"${table}"', 'id'), coalesce(max(id), 0) + 1, false) from "${table}"`));
    }
  });
  await handle.db.execute(sql.raw(`analyze ${WRITTEN_IDENTITY_TABLES.map((t) => `"${t}"`).join(', ')}`));
  report('done');
  return { counts };
}
