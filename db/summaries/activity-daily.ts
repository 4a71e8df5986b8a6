import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../client';
import type { SummaryTable } from './summary';

/**
 * activity_daily: per owner and org-local day, the done calls / meetings / e-mails / tasks and the
 * planned activities due (late, still open) — the activity report's source (DESIGN.md §7).
 * Triggers on activities keep it current; activity_daily_rebuild() (migration 0006) recomputes it
 * set-based. Run the repair after anything that bypasses the triggers (a bulk load with them
 * disabled); a change of organisation.time_zone rebuilds it by itself.
 */
export const activityDaily: SummaryTable = {
  name: 'activity_daily',
  async rebuild(db: Database) {
    const [row] = rowsOf<{ differed: number }>(await db.execute(sql`select activity_daily_rebuild() as differed`));
    return Number(row!.differed);
  },
};

/**
 * lead_response_daily: per owner and org-local day of creation, the leads and their first-response
 * times (leads.first_activity_at) — the activity report's first-response figures.
 */
export const leadResponseDaily: SummaryTable = {
  name: 'lead_response_daily',
  async rebuild(db: Database) {
    const [row] = rowsOf<{ differed: number }>(await db.execute(sql`select lead_response_daily_rebuild() as differed`));
    return Number(row!.differed);
  },
};

/** The statement triggers on activities, which a bulk load takes off while it copies. */
const ACTIVITY_TRIGGERS = ['activity_daily_insert', 'activity_daily_update', 'activity_daily_delete'] as const;

/** What a bulk load offers (db/seed/bulk-loader.ts's BulkSession). */
interface BulkStatements {
  exec(statement: string): Promise<void>;
  query<T>(statement: string): Promise<T[]>;
}

/**
 * Drops the activity_daily triggers for a bulk load and returns their definitions. Standing aside
 * (voronka.bulk_load) is not enough there: PostgreSQL still collects every copied row for the
 * transition table of a statement trigger, disabled or not — millions of rows written to disk.
 */
export async function detachActivitySummaryTriggers(session: BulkStatements): Promise<string[]> {
  const rows = await session.query<{ definition: string }>(
    `select pg_get_triggerdef(t.oid) as "definition" from pg_trigger t
     where t.tgrelid = 'public.activities'::regclass and t.tgname in (${ACTIVITY_TRIGGERS.map((name) => `'${name}'`).join(', ')})
     order by t.tgname`,
  );
  for (const name of ACTIVITY_TRIGGERS) await session.exec(`drop trigger if exists "${name}" on activities`);
  return rows.map((row) => row.definition);
}

/** Puts the triggers back and computes both summaries once from the loaded rows (set-based). */
export async function attachActivitySummaries(session: BulkStatements, definitions: string[]): Promise<void> {
  for (const definition of definitions) await session.exec(definition);
  await session.exec('select activity_daily_rebuild()');
  await session.exec('select lead_response_daily_rebuild()');
  await session.exec('analyze activity_daily, lead_response_daily');
}
