import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { activities, deals, leads } from '@/db/schema';

/**
 * Recomputes a deal's Today / hygiene bookkeeping from its activities, in the caller's
 * transaction: open tasks (due set, not done), the next due moment, the last activity.
 * A recompute rather than an increment, so it can never drift (DESIGN.md §7).
 */
export async function refreshDealBookkeeping(tx: Database, dealId: number): Promise<void> {
  await tx
    .update(deals)
    .set({
      openTaskCount: sql`(select count(*)::int from ${activities} a where a.deal_id = ${dealId} and a.done_at is null and a.due_at is not null)`,
      nextTaskDueAt: sql`(select min(a.due_at) from ${activities} a where a.deal_id = ${dealId} and a.done_at is null and a.due_at is not null)`,
      lastActivityAt: sql`(select max(greatest(a.created_at, coalesce(a.done_at, a.created_at))) from ${activities} a where a.deal_id = ${dealId})`,
    })
    .where(eq(deals.id, dealId));
}

/** A lead's first touch: the earliest completed activity on it. */
export async function refreshLeadFirstActivity(tx: Database, leadId: number): Promise<void> {
  await tx
    .update(leads)
    .set({ firstActivityAt: sql`(select min(a.done_at) from ${activities} a where a.lead_id = ${leadId})` })
    .where(eq(leads.id, leadId));
}

/** Everything that depends on an activity's links. */
export async function refreshAfterActivity(tx: Database, link: { dealId: number | null; leadId: number | null }) {
  if (link.dealId) await refreshDealBookkeeping(tx, link.dealId);
  if (link.leadId) await refreshLeadFirstActivity(tx, link.leadId);
}
