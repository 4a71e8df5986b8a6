import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { refreshLeadFirstActivity } from '../activities/bookkeeping';
import type { MergeEntity } from './schemas';

/**
 * Bookkeeping the survivor's image cannot know about: a call logged on a merged lead after the
 * merge stays on it through the undo, and must still count as its first touch (the response SLA
 * reads it). Left alone otherwise, so an undo restores the stored values exactly.
 */
export async function refreshAfterUndo(tx: Database, entity: MergeEntity, mergeId: number, survivorId: number): Promise<void> {
  if (entity !== 'lead') return;
  const [row] = rowsOf<{ touched: boolean }>(
    await tx.execute(sql`select exists (
      select 1 from activities a where a.lead_id = ${survivorId} and a.created_at > (select m.created_at from merges m where m.id = ${mergeId})
    ) as touched`),
  );
  if (row?.touched) await refreshLeadFirstActivity(tx, survivorId);
}
