import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dealStageHistory, deals, type DealStatus } from '@/db/schema';
import { diffFields, writeAudit } from '../audit';

type LockedDeal = typeof deals.$inferSelect;

export interface StagePatch {
  stageId: number;
  status: DealStatus;
  closedAt: Date | null;
  furthestStageOrder: number;
  lossReasonId?: number | null;
  lossComment?: string | null;
  amount?: string;
}

/**
 * Writes a stage change of a locked deal: the deal row (new version, stage entry time), its
 * stage-history row and the audit row, all in the caller's transaction. Returns the new version.
 */
export async function applyStageChange(
  tx: Database,
  input: { deal: LockedDeal; patch: StagePatch; actorId: number; action: 'deal.move' | 'deal.reopen' },
): Promise<number> {
  const { deal, patch, actorId, action } = input;
  const now = new Date();
  const nextVersion = deal.version + 1;
  await tx
    .update(deals)
    .set({ ...patch, stageEnteredAt: now, version: nextVersion, updatedAt: now })
    .where(eq(deals.id, deal.id));
  await tx.insert(dealStageHistory).values({
    dealId: deal.id,
    fromStageId: deal.stageId,
    toStageId: patch.stageId,
    changedBy: actorId,
    changedAt: now,
  });
  await writeAudit(tx, {
    actorId,
    action,
    entityType: 'deal',
    entityId: deal.id,
    changes: { ...diffFields(deal, patch), version: [deal.version, nextVersion] },
  });
  return nextVersion;
}
