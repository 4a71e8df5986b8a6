import type { z } from 'zod';
import { activities } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { refreshAfterActivity } from './bookkeeping';
import { resolveActivityOwner, resolveVisibleLink } from './link';
import { createTaskInput } from './schemas';

/** Plans a task (or a call / meeting) due at a moment, for oneself or, as a head, for a team member. */
export async function createTask(ctx: ServiceContext, rawInput: z.input<typeof createTaskInput>) {
  if (!can(ctx.actor.role, 'activity.create')) throw new ServiceError('FORBIDDEN', 'Your role may not plan tasks');
  const { link, ownerId, ...fields } = createTaskInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const resolved = await resolveVisibleLink(tx, ctx.actor, link);
    const owner = await resolveActivityOwner(tx, ctx.actor, ownerId);
    const [row] = await tx
      .insert(activities)
      .values({ ...fields, ...resolved, ownerId: owner, createdBy: ctx.actor.id })
      .returning({ id: activities.id, version: activities.version });
    await refreshAfterActivity(tx, resolved);
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'activity.createTask',
      entityType: 'activity',
      entityId: row!.id,
      changes: diffFields({}, { ...fields, ...resolved, ownerId: owner }),
    });
    return row!;
  });
}
