import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { targets, TARGET_METRICS, type TargetMetric } from '@/db/schema';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { pgErrorCode, UNIQUE_VIOLATION } from '../merges/pg-error';

export interface TargetCell {
  value: string;
  version: number;
}
export type TargetCells = Record<TargetMetric, TargetCell | null>;

export interface CellWrite {
  subject: { userId: number } | { teamId: number };
  metric: TargetMetric;
  /** null: clear the cell. */
  value: number | null;
  /** The version the editor saw; null: it saw an empty cell. */
  version: number | null;
}

const subjectCondition = (subject: CellWrite['subject']) => ('userId' in subject ? eq(targets.userId, subject.userId) : eq(targets.teamId, subject.teamId));

/** Every metric's cell (value and version) per user and per team for one month. */
export async function readTargetCells(db: Database, monthStart: string, userIds: number[], teamIds: number[]) {
  const rows = await db
    .select({ userId: targets.userId, teamId: targets.teamId, metric: targets.metric, value: targets.value, version: targets.version })
    .from(targets)
    .where(
      and(
        eq(targets.month, monthStart),
        or(
          userIds.length ? inArray(targets.userId, userIds) : undefined,
          teamIds.length ? inArray(targets.teamId, teamIds) : undefined,
        // Nobody asked for: no row.
        ) ?? eq(targets.id, -1),
      ),
    );
  const empty = (): TargetCells => Object.fromEntries(TARGET_METRICS.map((m) => [m, null])) as TargetCells;
  const byUser = new Map<number, TargetCells>(userIds.map((id) => [id, empty()]));
  const byTeam = new Map<number, TargetCells>(teamIds.map((id) => [id, empty()]));
  for (const row of rows) {
    const cells = row.userId !== null ? byUser.get(row.userId) : byTeam.get(row.teamId!);
    if (cells) cells[row.metric] = { value: row.value, version: row.version };
  }
  return { byUser, byTeam };
}

/**
 * Writes one cell inside the caller's transaction: insert, update or delete, each only when the
 * stored version is the one the editor saw, with an audit row. A stale version → CONFLICT naming
 * the cell and what it holds now.
 */
export async function writeTargetCell(tx: Database, actorId: number, monthStart: string, change: CellWrite): Promise<void> {
  const [current] = await tx
    .select()
    .from(targets)
    .where(and(subjectCondition(change.subject), eq(targets.month, monthStart), eq(targets.metric, change.metric)))
    .for('update');
  if ((current?.version ?? null) !== change.version) {
    throw new ServiceError('CONFLICT', `${change.metric}: the target was changed by someone else`, {
      ...change.subject,
      metric: change.metric,
      currentValue: current?.value ?? null,
      currentVersion: current?.version ?? null,
    });
  }
  const value = change.value === null ? null : change.value.toFixed(2);
  const audit = (action: string, entityId: number, changes: Record<string, [unknown, unknown]>) =>
    writeAudit(tx, { actorId, action, entityType: 'target', entityId, changes });
  if (!current) {
    if (value === null) return;
    const [row] = await tx
      .insert(targets)
      .values({ ...change.subject, month: monthStart, metric: change.metric, value, setBy: actorId })
      .returning({ id: targets.id });
    const [field, id] = 'userId' in change.subject ? ['userId', change.subject.userId] : ['teamId', change.subject.teamId];
    await audit('target.create', row!.id, { [field]: [null, id], month: [null, monthStart], metric: [null, change.metric], value: [null, value] });
    return;
  }
  if (value === null) {
    await tx.delete(targets).where(eq(targets.id, current.id));
    await audit('target.delete', current.id, { metric: [current.metric, null], month: [current.month, null], value: [current.value, null] });
    return;
  }
  if (Number(current.value) === Number(value)) return;
  await tx.update(targets).set({ value, setBy: actorId, version: current.version + 1, updatedAt: new Date() }).where(eq(targets.id, current.id));
  await audit('target.update', current.id, { value: [current.value, value], version: [current.version, current.version + 1] });
}

/** Turns a race on an empty cell (two inserts at once) into the same CONFLICT a stale version gets. */
export async function asConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) throw new ServiceError('CONFLICT', 'A target was set by someone else meanwhile');
    throw error;
  }
}
