import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { keepOneActiveAdmin, requireAdmin } from './admin-guard';
import { requireFreeEmail, requireTeam } from './create-user';
import { updateUserInput } from './schemas';
import { clearHeadship, moveOwnLeadsToTeam } from './teams';

export async function lockUser(tx: Database, id: number, version?: number) {
  const [user] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!user) throw notFound('User');
  if (version !== undefined && user.version !== version) throw new ServiceError('CONFLICT', 'The user was changed by someone else', { currentVersion: user.version });
  return user;
}

/**
 * An admin's edit: name, e-mail, role, team (moving between teams), language. Moving a head out
 * of their team or taking away the head role leaves that team without a head; the last active
 * admin keeps the admin role.
 */
export async function updateUser(ctx: ServiceContext, rawInput: z.input<typeof updateUserInput>) {
  requireAdmin(ctx);
  const { id, version, ...fields } = updateUserInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const current = await lockUser(tx, id, version);
    const changes = diffFields(current, fields);
    if (Object.keys(changes).length === 0) return { id, version };
    if (changes.role && current.role === 'admin' && current.isActive) await keepOneActiveAdmin(tx, id);
    if (changes.teamId) await requireTeam(tx, fields.teamId);
    if (changes.email) await requireFreeEmail(tx, fields.email!, id);
    await tx.update(users).set({ ...fields, version: version + 1, updatedAt: new Date() }).where(eq(users.id, id));
    if (changes.teamId) await moveOwnLeadsToTeam(tx, id, fields.teamId ?? null);
    if (changes.teamId || (changes.role && fields.role !== 'head')) await clearHeadship(tx, ctx.actor.id, id);
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'user.update', entityType: 'user', entityId: id, changes: { ...changes, version: [version, version + 1] } });
    return { id, version: version + 1 };
  });
}
