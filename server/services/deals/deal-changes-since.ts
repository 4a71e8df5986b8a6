import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, users } from '@/db/schema';

/** Who changed which fields of a deal after the given version, read from the audit log. */
export async function dealChangesSince(db: Database, dealId: number, version: number) {
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
