import { sql } from 'drizzle-orm';
import { deals } from '@/db/schema';

/**
 * The stage a lost deal was lost from: the from-stage of the latest move into its current (lost)
 * stage — the latest, because a reopened deal may have been lost before. An index-only probe of
 * deal_stage_history_deal_idx. Shared by the loss-reasons report and the deals list's drill-down
 * filter, so the list behind a figure holds exactly its deals.
 */
export const lostFromStage = sql`(select h.from_stage_id from deal_stage_history h
  where h.deal_id = ${deals.id} and h.to_stage_id = ${deals.stageId}
  order by h.changed_at desc limit 1)`;
