import type { Database } from '@/db/client';
import { auditLog, type AuditChanges } from '@/db/schema';

/** Field-by-field difference between two versions of a record; unchanged fields are left out. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, next] of Object.entries(after)) {
    if (next === undefined) continue;
    const previous = before[field];
    if (!sameValue(previous, next)) changes[field] = [previous ?? null, next ?? null];
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Writes one audit row; call it inside the mutation's transaction so both land or neither. */
export async function writeAudit(
  db: Database,
  entry: {
    actorId: number | null;
    action: string;
    entityType: string;
    entityId: number | null;
    changes: AuditChanges;
  },
): Promise<void> {
  await db.insert(auditLog).values(entry);
}
