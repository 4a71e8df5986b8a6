import { asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { apiKeys, teams, users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { requireKeyAdmin } from './require-admin';

const creator = alias(users, 'creator');

/** Every key, live ones first and newest first; never the hash. */
export async function listApiKeys(ctx: ServiceContext) {
  requireKeyAdmin(ctx);
  return ctx.db
    .select({
      id: apiKeys.id,
      version: apiKeys.version,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      teamId: apiKeys.teamId,
      teamName: teams.name,
      rateLimitPerMinute: apiKeys.rateLimitPerMinute,
      createdAt: apiKeys.createdAt,
      createdByName: creator.name,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(teams, eq(teams.id, apiKeys.teamId))
    .leftJoin(creator, eq(creator.id, apiKeys.createdBy))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt), asc(apiKeys.id));
}
