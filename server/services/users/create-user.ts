import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { teams, users } from '@/db/schema';
import { hashPassword } from '@/server/auth/password';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { requireAdmin } from './admin-guard';
import { passwordWeakness } from './password-policy';
import { createUserInput } from './schemas';

/** A password no one knows: an invited user signs in only after following their one-time link. */
const NO_PASSWORD_YET = '!invited';

export async function requireTeam(tx: Database, teamId: number | null | undefined) {
  if (teamId === null || teamId === undefined) return;
  const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw new ServiceError('BAD_REQUEST', 'teamId: no such team');
}

export async function requireFreeEmail(tx: Database, email: string, exceptId?: number) {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (taken && taken.id !== exceptId) throw new ServiceError('CONFLICT', 'email: another user already has this e-mail');
}

/**
 * Creates a user. With a password they can sign in at once; without one they get a one-time
 * link (issuePasswordLink) to choose it themselves.
 */
export async function createUser(ctx: ServiceContext, rawInput: z.input<typeof createUserInput>) {
  requireAdmin(ctx);
  const { password, ...fields } = createUserInput.parse(rawInput);
  const weakness = password ? passwordWeakness(password, fields) : null;
  if (weakness) throw new ServiceError('BAD_REQUEST', `password: ${weakness}`);
  const passwordHash = password ? await hashPassword(password) : NO_PASSWORD_YET;
  return ctx.db.transaction(async (tx) => {
    await requireTeam(tx, fields.teamId);
    await requireFreeEmail(tx, fields.email);
    const [user] = await tx.insert(users).values({ ...fields, passwordHash }).returning({ id: users.id, version: users.version });
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'user.create',
      entityType: 'user',
      entityId: user!.id,
      changes: { ...diffFields({}, fields), passwordSet: [false, Boolean(password)] },
    });
    return user!;
  });
}
