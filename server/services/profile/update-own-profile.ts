import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { updateOwnProfileInput } from '../users/schemas';

/**
 * A user's own name and language. The input is strict: a role, team or e-mail sent along is
 * refused as bad input, so no one can raise their own role through their profile.
 */
export async function updateOwnProfile(ctx: ServiceContext, rawInput: z.input<typeof updateOwnProfileInput>) {
  const fields = updateOwnProfileInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, ctx.actor.id)).for('update');
    const changes = diffFields(current!, fields);
    if (Object.keys(changes).length === 0) return { version: current!.version };
    await tx.update(users).set({ ...fields, version: current!.version + 1, updatedAt: new Date() }).where(eq(users.id, ctx.actor.id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'user.updateProfile', entityType: 'user', entityId: ctx.actor.id, changes: { ...changes, version: [current!.version, current!.version + 1] } });
    return { version: current!.version + 1 };
  });
}
