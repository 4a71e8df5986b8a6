import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { activities, deals } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import { ownedWithin } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { refreshAfterActivity } from './bookkeeping';
import { resolveActivityOwner } from './link';
import { completeTaskInput, reassignTaskInput, rescheduleTaskInput } from './schemas';

/** An open task in the actor's scope (own, or a team member's for a head), locked, version checked. */
async function lockOpenTask(tx: Database, actor: SessionUser, id: number, version: number) {
  if (!can(actor.role, 'activity.create')) throw new ServiceError('FORBIDDEN', 'Your role may not change tasks');
  const [task] = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), ownedWithin(actor, activities.ownerId)))
    .for('update');
  if (!task || task.dueAt === null) throw notFound('Task');
  if (task.doneAt !== null) throw new ServiceError('BAD_REQUEST', 'id: the task is already done');
  if (task.version !== version) throw new ServiceError('CONFLICT', 'The task was changed by someone else', { currentVersion: task.version });
  return task;
}

async function saveTaskChange(
  tx: Database,
  actor: SessionUser,
  task: typeof activities.$inferSelect,
  patch: Partial<typeof activities.$inferInsert>,
  action: string,
) {
  await tx
    .update(activities)
    .set({ ...patch, version: task.version + 1, updatedAt: new Date() })
    .where(eq(activities.id, task.id));
  await refreshAfterActivity(tx, task);
  await writeAudit(tx, {
    actorId: actor.id,
    action,
    entityType: 'activity',
    entityId: task.id,
    changes: { ...diffFields(task, patch), version: [task.version, task.version + 1] },
  });
}

/**
 * Marks a task done. When it was the last open task of an open deal, says so: the sales
 * standard wants a next step on every open deal, so the screen asks for one at once.
 */
export async function completeTask(ctx: ServiceContext, rawInput: z.input<typeof completeTaskInput>) {
  const input = completeTaskInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const task = await lockOpenTask(tx, ctx.actor, input.id, input.version);
    await saveTaskChange(tx, ctx.actor, task, { doneAt: new Date(), result: input.result }, 'activity.complete');
    let needsNextTask = false;
    if (task.dealId) {
      const [deal] = await tx
        .select({ open: sql<boolean>`${deals.status} = 'open' and ${deals.openTaskCount} = 0` })
        .from(deals)
        .where(eq(deals.id, task.dealId));
      needsNextTask = deal?.open ?? false;
    }
    return { id: task.id, version: task.version + 1, dealId: task.dealId, needsNextTask };
  });
}

export async function rescheduleTask(ctx: ServiceContext, rawInput: z.input<typeof rescheduleTaskInput>) {
  const input = rescheduleTaskInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const task = await lockOpenTask(tx, ctx.actor, input.id, input.version);
    await saveTaskChange(tx, ctx.actor, task, { dueAt: input.dueAt }, 'activity.reschedule');
    return { id: task.id, version: task.version + 1 };
  });
}

/** Hands an open task to someone else: only a head (inside the team) or an admin. */
export async function reassignTask(ctx: ServiceContext, rawInput: z.input<typeof reassignTaskInput>) {
  const input = reassignTaskInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const task = await lockOpenTask(tx, ctx.actor, input.id, input.version);
    const ownerId = await resolveActivityOwner(tx, ctx.actor, input.ownerId);
    await saveTaskChange(tx, ctx.actor, task, { ownerId }, 'activity.reassign');
    return { id: task.id, version: task.version + 1 };
  });
}
