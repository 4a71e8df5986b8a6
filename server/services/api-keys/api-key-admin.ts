import { eq } from 'drizzle-orm';
import { apiKeys, teams } from '@/db/schema';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { requireKeyAdmin } from './require-admin';
import { createApiKeyInput, revokeApiKeyInput, type CreateApiKeyInput, type RevokeApiKeyInput } from './schemas';
import { generateApiKey } from './secret';

/**
 * A new key. The full secret is in this answer and nowhere else: only its hash is stored, so
 * the admin copies it now or creates another. (A prefix clash among 32^8 is not worth a retry.)
 */
export async function createApiKey(ctx: ServiceContext, rawInput: CreateApiKeyInput) {
  requireKeyAdmin(ctx);
  const input = createApiKeyInput.parse(rawInput);
  const { key, prefix, hash } = generateApiKey();
  return ctx.db.transaction(async (tx) => {
    if (input.teamId !== null) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
      if (!team) throw new ServiceError('BAD_REQUEST', 'teamId: no such team');
    }
    const [row] = await tx
      .insert(apiKeys)
      .values({ name: input.name, prefix, keyHash: hash, scopes: input.scopes, teamId: input.teamId, rateLimitPerMinute: input.rateLimitPerMinute, createdBy: ctx.actor.id })
      .returning({ id: apiKeys.id, version: apiKeys.version });
    // The audit names the key by its prefix; the secret and its hash stay out of the log.
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'apiKey.create',
      entityType: 'api_key',
      entityId: row!.id,
      changes: { name: [null, input.name], prefix: [null, prefix], scopes: [null, input.scopes], teamId: [null, input.teamId], rateLimitPerMinute: [null, input.rateLimitPerMinute] },
    });
    return { id: row!.id, version: row!.version, name: input.name, prefix, key };
  });
}

/** Revoking is final and takes effect on the key's next request. Revoking twice is a no-op. */
export async function revokeApiKey(ctx: ServiceContext, rawInput: RevokeApiKeyInput, now = new Date()) {
  requireKeyAdmin(ctx);
  const input = revokeApiKeyInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(apiKeys).where(eq(apiKeys.id, input.id)).for('update');
    if (!current) throw notFound('API key');
    if (current.revokedAt) return { id: current.id, version: current.version, revokedAt: current.revokedAt };
    if (current.version !== input.version) throw new ServiceError('CONFLICT', 'The API key was changed by someone else');
    const version = current.version + 1;
    await tx.update(apiKeys).set({ revokedAt: now, version, updatedAt: now }).where(eq(apiKeys.id, input.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'apiKey.revoke',
      entityType: 'api_key',
      entityId: input.id,
      changes: { revokedAt: [null, now.toISOString()], version: [current.version, version] },
    });
    return { id: input.id, version, revokedAt: now };
  });
}
