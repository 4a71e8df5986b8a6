import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { AUTOMATION_RULES } from './rules';

/** Any constant: the advisory lock that lets one server run the automations at a time. */
const AUTOMATION_LOCK_KEY = 7_301_002;

export interface AutomationReport {
  ran: boolean;
  created: Record<string, number>;
  ms: number;
}

/**
 * One pass of every follow-up rule over the whole organisation, in one transaction: the new
 * tasks, the deals' bookkeeping and the audit rows land together. A server that finds another
 * one mid-pass skips (the lock); even without it the automation keys forbid duplicates.
 */
export async function runAutomations(db: Database, now = new Date()): Promise<AutomationReport> {
  const started = performance.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${AUTOMATION_LOCK_KEY}) as locked`));
    if (!lock?.locked) return { ran: false, created: {}, ms: performance.now() - started };
    const created: Record<string, number> = {};
    const touched = new Set<number>();
    const newTasks: number[] = [];
    for (const rule of AUTOMATION_RULES) {
      const rows = rowsOf<{ id: number; deal_id: number }>(await tx.execute(rule.insert(at)));
      created[rule.name] = rows.length;
      for (const row of rows) {
        touched.add(row.deal_id);
        newTasks.push(row.id);
      }
    }
    if (touched.size > 0) {
      // One array parameter, however many rows: a first pass over a big organisation is large.
      const ids = sql`${`{${[...touched].join(',')}}`}::int[]`;
      await tx.execute(sql`
        update deals d set
          open_task_count = t.open_tasks, next_task_due_at = t.next_due, last_activity_at = t.last_activity
        from (
          select a.deal_id,
                 count(*) filter (where a.done_at is null and a.due_at is not null)::int as open_tasks,
                 min(a.due_at) filter (where a.done_at is null and a.due_at is not null) as next_due,
                 max(greatest(a.created_at, coalesce(a.done_at, a.created_at))) as last_activity
          from activities a where a.deal_id = any(${ids}) group by a.deal_id) t
        where d.id = t.deal_id`);
      const taskIds = sql`${`{${newTasks.join(',')}}`}::int[]`;
      await tx.execute(sql`
        insert into audit_log (actor_id, action, entity_type, entity_id, changes)
        select null, 'activity.automate', 'activity', a.id, jsonb_build_object('automationKey', jsonb_build_array(null, a.automation_key))
        from activities a where a.id = any(${taskIds})`);
    }
    return { ran: true, created, ms: performance.now() - started };
  });
}
