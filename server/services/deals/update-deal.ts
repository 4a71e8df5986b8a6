import { and, eq, gt, sql } from 'drizzle-orm';
import { auditLog, deals, users } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import { ownedWithin } from '@/server/auth/row-scope';
import type { Database } from '@/db/client';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
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
    const [current] = await tx
      .select({
        title: deals.title,
        amount: deals.amount,
        expectedCloseDate: deals.expectedCloseDate,
        version: deals.version,
      })
      .from(deals)
      .where(and(eq(deals.id, id), ownedWithin(ctx.actor, deals.ownerId)))
      .for('update');
    if (!current) throw notFound('Deal');
    if (current.version !== version) {
      throw new ServiceError('CONFLICT', 'The deal was changed by someone else', {
        currentVersion: current.version,
        changes: await changesSince(tx, id, version),
      });
    }
    const changes = diffFields(current, fields);
    if (Object.keys(changes).length === 0) return { id, version };
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

/** Who changed which fields of a deal after the given version (read from the audit log). */
async function changesSince(db: Database, dealId: number, version: number) {
  const rows = await db
    .select({ changes: auditLog.changes, by: users.name, at: auditLog.createdAt })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entityType, 'deal'),
        eq(auditLog.entityId, dealId),
        gt(sql`(${auditLog.changes} -> 'version' ->> 1)::int`, version),
      ),
    )
    .orderBy(auditLog.createdAt);
  return rows.map((row) => ({
    by: row.by,
    at: row.at,
    fields: Object.keys(row.changes).filter((field) => field !== 'version'),
  }));
}
