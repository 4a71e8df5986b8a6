import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog, users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { listAuditEntriesInput, type ListAuditEntriesInput } from './schemas';

function requireAdmin(ctx: ServiceContext) {
  if (ctx.actor.role !== 'admin') throw new ServiceError('FORBIDDEN', 'Only an admin may read the audit log');
}

/** Midnight of a day in the organisation's time zone, as SQL. */
const startOfDay = (day: string) => sql`(${day}::date::timestamp at time zone coalesce((select time_zone from organisation where id = 1), 'Europe/Moscow'))`;

/**
 * Who changed what and when, newest first, filtered by user, record and days. Read-only: there
 * is no procedure that edits or deletes an entry, for any role.
 */
export async function listAuditEntries(ctx: ServiceContext, rawInput: ListAuditEntriesInput) {
  requireAdmin(ctx);
  const input = listAuditEntriesInput.parse(rawInput);
  const conditions: SQL[] = [];
  if (input.actorId) conditions.push(eq(auditLog.actorId, input.actorId));
  if (input.entityType) conditions.push(eq(auditLog.entityType, input.entityType));
  if (input.entityId) conditions.push(eq(auditLog.entityId, input.entityId));
  if (input.fromDay) conditions.push(sql`${auditLog.createdAt} >= ${startOfDay(input.fromDay)}`);
  if (input.toDay) conditions.push(sql`${auditLog.createdAt} < ${startOfDay(input.toDay)} + interval '1 day'`);
  if (input.cursor) conditions.push(lt(auditLog.id, input.cursor));
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: users.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(input.pageSize + 1);
  const items = rows.slice(0, input.pageSize);
  return { items, nextCursor: rows.length > input.pageSize ? items.at(-1)!.id : null };
}

/** The record types that occur in the log, for the viewer's filter. */
export async function listAuditEntityTypes(ctx: ServiceContext) {
  requireAdmin(ctx);
  const rows = await ctx.db.selectDistinct({ entityType: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType);
  return rows.map((row) => row.entityType);
}
