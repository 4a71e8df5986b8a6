import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { passwordResetTokens, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { requireAdmin } from './admin-guard';
import { passwordWeakness } from './password-policy';
import { changeOwnPasswordInput, issuePasswordLinkInput, resetPasswordWithLinkInput, setUserPasswordInput } from './schemas';
import { lockUser } from './update-user';

/** How long a one-time password link works. */
export const PASSWORD_LINK_HOURS = 24;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Stores a new password and bumps the session epoch, so every session signed with the old
 * password ends on its next request; open one-time links die with it.
 */
async function storePassword(tx: Database, user: { id: number; email: string; name: string }, password: string) {
  const weakness = passwordWeakness(password, user);
  if (weakness) throw new ServiceError('BAD_REQUEST', `password: ${weakness}`);
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(password), sessionEpoch: sql`${users.sessionEpoch} + 1`, updatedAt: new Date() })
    .where(eq(users.id, user.id));
  await tx.update(passwordResetTokens).set({ usedAt: new Date(), updatedAt: new Date() }).where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
}

/** The admin sets (or resets) someone's password directly. */
export async function setUserPassword(ctx: ServiceContext, rawInput: z.input<typeof setUserPasswordInput>) {
  requireAdmin(ctx);
  const input = setUserPasswordInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, input.id);
    await storePassword(tx, user, input.password);
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'user.setPassword', entityType: 'user', entityId: user.id, changes: { password: ['***', '***'] } });
    return { id: user.id };
  });
}

/**
 * Makes a one-time link for the user to choose a password. There is no mail server, so the link
 * goes to the server log for the admin to pass on; only its hash is kept.
 */
export async function issuePasswordLink(ctx: ServiceContext, rawInput: z.input<typeof issuePasswordLinkInput>, now = new Date()) {
  requireAdmin(ctx);
  const input = issuePasswordLinkInput.parse(rawInput);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  const user = await ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, input.id);
    if (!user.isActive) throw new ServiceError('BAD_REQUEST', 'id: the user is deactivated');
    await tx.insert(passwordResetTokens).values({ userId: user.id, tokenHash: sha256(token), expiresAt, createdBy: ctx.actor.id });
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'user.issuePasswordLink', entityType: 'user', entityId: user.id, changes: { passwordLinkExpiresAt: [null, expiresAt.toISOString()] } });
    return user;
  });
  const base = (process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  console.log(`[voronka] one-time password link for ${user.email} (valid until ${expiresAt.toISOString()}): ${base}/reset-password/${token}`);
  return { id: user.id, expiresAt, token };
}

/** Whether a one-time link still works (the reset page asks before showing the form). */
export async function passwordLinkIsValid(db: Database, token: string, now = new Date()) {
  const [row] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(and(eq(passwordResetTokens.tokenHash, sha256(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now), eq(users.isActive, true)));
  return Boolean(row);
}

/** Consumes a one-time link: sets the password once; a used, expired or unknown link is refused. */
export async function resetPasswordWithLink(db: Database, rawInput: z.input<typeof resetPasswordWithLinkInput>, now = new Date()) {
  const input = resetPasswordWithLinkInput.parse(rawInput);
  return db.transaction(async (tx) => {
    const [link] = await tx.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, sha256(input.token))).for('update');
    if (!link || link.usedAt || link.expiresAt <= now) throw new ServiceError('BAD_REQUEST', 'token: the link has expired or was already used');
    const user = await lockUser(tx, link.userId);
    if (!user.isActive) throw new ServiceError('BAD_REQUEST', 'token: the link has expired or was already used');
    await storePassword(tx, user, input.password);
    await writeAudit(tx, { actorId: user.id, action: 'user.resetPassword', entityType: 'user', entityId: user.id, changes: { password: ['***', '***'] } });
    return { email: user.email };
  });
}

/** A user changes their own password, proving the current one first. */
export async function changeOwnPassword(ctx: ServiceContext, rawInput: z.input<typeof changeOwnPasswordInput>) {
  const input = changeOwnPasswordInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, ctx.actor.id);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new ServiceError('BAD_REQUEST', 'currentPassword: the current password is wrong');
    await storePassword(tx, user, input.newPassword);
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'user.changePassword', entityType: 'user', entityId: user.id, changes: { password: ['***', '***'] } });
    return { id: user.id };
  });
}
