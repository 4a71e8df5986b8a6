/**
 * Deal rows and their stage history. Both recompute each deal's path from its own stream, so the
 * current stage, stage_entered_at, closed_at and furthest_stage_order always match the history.
 */
import { mskDate, toReal } from './business-clock';
import type { BulkSession } from './bulk-loader';
import type { ClientsPlan } from './clients-plan';
import type { SeedContext } from './context';
import { NULL, bool, line, money, ref, text, ts } from './copy-text';
import { DEAL_LOST, DEAL_OPEN, emptyPath, planDealPath, type DealPath } from './deal-path';
import { dealTitle } from './deal-texts';
import { closeDeadline, winRateOf, type DealsPlan } from './deals-plan';
import type { ActivitySummaries } from './load-activities';
import { Rng, STREAM } from './random';
import { PIPELINES } from './reference-data';
import { LOSS_COMMENTS } from './vocabulary-sales';

const DEAL_COLUMNS = [
  'id', 'title', 'pipeline_id', 'stage_id', 'status', 'amount', 'currency', 'contact_id', 'company_id', 'owner_id',
  'source_id', 'lead_id', 'expected_close_date', 'closed_at', 'loss_reason_id', 'loss_comment', 'is_repeat',
  'stage_entered_at', 'furthest_stage_order', 'open_task_count', 'next_task_due_at', 'last_activity_at',
  'created_by', 'created_at', 'updated_at', 'version', 'lost_from_stage_id',
] as const;

const HISTORY_COLUMNS = ['id', 'deal_id', 'from_stage_id', 'to_stage_id', 'changed_by', 'changed_at', 'created_at', 'updated_at', 'left_at'] as const;

const STATUS_NAMES = ['open', 'won', 'lost'] as const;

/** The path of deal d, exactly as the deals plan drew it. */
export function dealPathOf(ctx: SeedContext, deals: DealsPlan, d: number, rng: Rng, out: DealPath): DealPath {
  const pipeline = PIPELINES[deals.pipeline[d]!]!;
  const owner = deals.owner[d]!;
  return planDealPath(
    { seed: ctx.seed, deal: d, pipeline, vCreated: deals.vCreated[d]!, vNow: ctx.vNow, winRate: winRateOf(ctx, pipeline, owner), vCloseBy: closeDeadline(ctx, owner) },
    rng,
    out,
  );
}

export async function loadDeals(
  ctx: SeedContext,
  session: BulkSession,
  clients: ClientsPlan,
  deals: DealsPlan,
  summaries: ActivitySummaries,
): Promise<number> {
  const rng = new Rng();
  const pathRng = new Rng();
  const path = emptyPath();
  return session.copy('deals', DEAL_COLUMNS, async (w) => {
    for (let d = 0; d < deals.count; d++) {
      dealPathOf(ctx, deals, d, pathRng, path);
      const pipeline = PIPELINES[deals.pipeline[d]!]!;
      const last = path.positions.length - 1;
      const status = deals.status[d]!;
      const owner = deals.owner[d]!;
      const team = ctx.staff.teams[ctx.staff.teamOfUser[owner]! - 1];
      rng.at(ctx.seed, STREAM.dealRow, d + 0x40000000);
      const creator = team && rng.chance(0.1) ? team.headId : owner;
      const created = path.realTimes[0]!;
      const lastActivity = summaries.dealLastActivity[d]!;
      const nextDue = summaries.dealNextDue[d]!;
      const row = line([
        String(d + 1),
        text(dealTitle(ctx, clients, deals, d)),
        String(pipeline.id),
        String(pipeline.stages[path.positions[last]!]!.id),
        STATUS_NAMES[status]!,
        money(deals.amount[d]!),
        'RUB',
        ref(deals.contact[d]! + 1),
        ref(deals.company[d]! + 1),
        String(owner),
        ref(deals.source[d]!),
        ref(deals.leadId[d]!),
        mskDate(toReal(path.vPlannedClose)),
        status === DEAL_OPEN ? NULL : ts(deals.closedAt[d]!),
        status === DEAL_LOST ? String(deals.lossReason[d]!) : NULL,
        status === DEAL_LOST && rng.chance(0.35) ? text(rng.pick(LOSS_COMMENTS)) : NULL,
        bool(deals.isRepeat[d] === 1),
        ts(path.realTimes[last]!),
        String(path.furthestOrder),
        String(summaries.dealOpenTasks[d]!),
        ts(nextDue),
        ts(lastActivity),
        String(creator),
        ts(created),
        ts(Math.max(path.realTimes[last]!, Number.isNaN(lastActivity) ? created : lastActivity)),
        String(path.positions.length),
        // What the deal_stage_history_close_stay trigger keeps: the stage a lost deal left for the lost stage.
        status === DEAL_LOST && last > 0 ? String(pipeline.stages[path.positions[last - 1]!]!.id) : NULL,
      ]);
      if (w.push(row)) await w.drain();
    }
  });
}

export async function loadStageHistory(ctx: SeedContext, session: BulkSession, deals: DealsPlan): Promise<number> {
  const pathRng = new Rng();
  const path = emptyPath();
  let id = 0;
  return session.copy('deal_stage_history', HISTORY_COLUMNS, async (w) => {
    for (let d = 0; d < deals.count; d++) {
      dealPathOf(ctx, deals, d, pathRng, path);
      const stages = PIPELINES[deals.pipeline[d]!]!.stages;
      const owner = String(deals.owner[d]!);
      let flush = false;
      for (let i = 0; i < path.positions.length; i++) {
        const at = ts(path.realTimes[i]!);
        const from = i === 0 ? NULL : String(stages[path.positions[i - 1]!]!.id);
        // The stay ends when the next move begins (what the deal_stage_history_close_stay trigger keeps).
        const leftAt = i + 1 < path.positions.length ? ts(path.realTimes[i + 1]!) : NULL;
        flush = w.push(`${++id}\t${d + 1}\t${from}\t${stages[path.positions[i]!]!.id}\t${owner}\t${at}\t${at}\t${at}\t${leftAt}`) || flush;
      }
      if (flush) await w.drain();
    }
  });
}
