import { eq } from 'drizzle-orm';
import { deals } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { lockDealForEdit } from './lock-deal';
import { requireActiveDealType } from './require-active-deal-type';
import { updateDealInput, type UpdateDealInput } from './schemas';

/**
 * Edits a deal's details with optimistic concurrency: the caller names the version it edited;
 * if someone saved in between, nothing is written and CONFLICT says who changed which fields.
 */
export async function updateDeal(ctx: ServiceContext, rawInput: UpdateDealInput) {
  if (!can(ctx.actor.role, 'deal.update')) {
    throw new ServiceError('FORBIDDEN', 'Your role may not change deals');
  }
  const { id, version, ...fields } = updateDealInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const current = await lockDealForEdit(tx, ctx.actor, id, version);
    const changes = diffFields(current, fields);
    if (Object.keys(changes).length === 0) return { id, version };
    if (changes.dealTypeId) await requireActiveDealType(tx, fields.dealTypeId);
    const nextVersion = version + 1;
    await tx
      .update(deals)
      .set({ ...fields, version: nextVersion, updatedAt: new Date() })
      .where(eq(deals.id, id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'deal.update',
      entityType: 'deal',
      entityId: id,
      changes: { ...changes, version: [version, nextVersion] },
    });
    return { id, version: nextVersion };
  });
}
