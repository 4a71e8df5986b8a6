import type { z } from 'zod';
import { activities } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { refreshAfterActivity } from './bookkeeping';
import { resolveVisibleLink } from './link';
import { logActivityInput } from './schemas';

/** Records a call, meeting, e-mail or note that happened, and updates the deal's bookkeeping. */
export async function logActivity(ctx: ServiceContext, rawInput: z.input<typeof logActivityInput>) {
  if (!can(ctx.actor.role, 'activity.create')) throw new ServiceError('FORBIDDEN', 'Your role may not log activities');
  const { link, ...fields } = logActivityInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const resolved = await resolveVisibleLink(tx, ctx.actor, link);
    const [row] = await tx
      .insert(activities)
      .values({ ...fields, ...resolved, doneAt: fields.doneAt ?? new Date(), ownerId: ctx.actor.id, createdBy: ctx.actor.id })
      .returning({ id: activities.id });
    await refreshAfterActivity(tx, resolved);
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: `activity.log`,
      entityType: 'activity',
      entityId: row!.id,
      changes: diffFields({}, { ...fields, ...resolved }),
    });
    return { id: row!.id };
  });
}
