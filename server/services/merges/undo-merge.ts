import { eq, sql } from 'drizzle-orm';
import { merges, type MergeRowImage } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { refreshAfterUndo } from './after-undo';
import { lockRecord, MERGE_ENTITY_CONFIG } from './entities';
import { FOREIGN_KEY_VIOLATION, pgErrorCode, UNIQUE_VIOLATION } from './pg-error';
import { reinsertDeleted, restoreReferences, restoreSurvivor } from './restore-rows';
import { restoreRepointedVersions } from './referrer-versions';
import { undoMergeInput, type UndoMergeInput } from './schemas';

/**
 * Undoes a merge exactly: the merged-away records come back with their ids and every column, the
 * survivor gets its old values back, and moved references return. Only its author or an admin
 * may, and only until the survivor is edited again (after that the merge is part of its history).
 */
export async function undoMerge(ctx: ServiceContext, rawInput: UndoMergeInput) {
  const { mergeId } = undoMergeInput.parse(rawInput);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [merge] = await tx.select().from(merges).where(eq(merges.id, mergeId)).for('update');
      if (!merge) throw notFound('Merge');
      const config = MERGE_ENTITY_CONFIG[merge.entityType];
      const isAuthor = merge.actorId === ctx.actor.id && can(ctx.actor.role, config.permission);
      if (!isAuthor && ctx.actor.role !== 'admin') throw new ServiceError('FORBIDDEN', 'Only the author of the merge or an admin may undo it');
      if (merge.isUndone) throw new ServiceError('CONFLICT', 'This merge is already undone');
      const survivor = await lockRecord(tx, merge.entityType, merge.survivorId);
      if (!survivor) {
        throw new ServiceError('CONFLICT', 'The merged record no longer exists (merged again or deleted): undo that first');
      }
      if (survivor.version !== merge.survivorVersion) {
        throw new ServiceError('CONFLICT', 'The merged record was edited after the merge, so the merge can no longer be undone', {
          currentVersion: survivor.version,
          mergeVersion: merge.survivorVersion,
        });
      }

      const image = merge.before.find((entry): entry is Extract<MergeRowImage, { row: unknown }> => entry.change === 'updated');
      if (!image) throw new Error(`merge ${merge.id} has no image of its survivor`);
      // Order matters: the survivor's old links and the moved references point at the restored rows.
      const restoredRecords = await reinsertDeleted(tx, merge.id, image.schema, image.table);
      await restoreSurvivor(tx, merge.id, image.schema, image.table, merge.survivorId);
      const restoredReferences = await restoreReferences(tx, merge.id, merge.survivorId);
      await restoreRepointedVersions(tx, merge.id);
      await refreshAfterUndo(tx, merge.entityType, merge.id, merge.survivorId);

      await tx.update(merges).set({ isUndone: true, undoneAt: sql`now()`, undoneBy: ctx.actor.id, updatedAt: sql`now()` }).where(eq(merges.id, merge.id));
      await writeAudit(tx, {
        actorId: ctx.actor.id,
        action: `${merge.entityType}.unmerge`,
        entityType: merge.entityType,
        entityId: merge.survivorId,
        changes: {
          mergeId: [merge.id, null],
          restoredIds: [null, merge.mergedIds],
          restoredReferences: [null, restoredReferences],
          version: [survivor.version, image.row.version ?? null],
        },
      });
      return { mergeId: merge.id, survivorId: merge.survivorId, restoredIds: merge.mergedIds, restoredRecords };
    });
  } catch (error) {
    const code = pgErrorCode(error);
    if (code === FOREIGN_KEY_VIOLATION || code === UNIQUE_VIOLATION) {
      throw new ServiceError('CONFLICT', 'Records this merge was linked to have changed since (deleted or merged again), so it cannot be undone');
    }
    throw error;
  }
}
