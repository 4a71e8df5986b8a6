import { deals } from '@/db/schema';

/**
 * The stage a lost deal was lost from: deals.lost_from_stage_id, the from-stage of its latest
 * history row into a lost stage (kept by the deal_stage_history_close_stay trigger). Shared by
 * the loss-reasons report and the deals list's drill-down filter, so the list behind a figure
 * holds exactly its deals.
 */
export const lostFromStage = deals.lostFromStageId;
