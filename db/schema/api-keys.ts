import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps, versioned } from './columns';
import { teams, users } from './users';

/** Integration keys (web forms, telephony). Only a hash is stored; the prefix finds the row. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    teamId: integer('team_id').references(() => teams.id),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(600),
    createdBy: integer('created_by').references(() => users.id),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps,
    ...versioned,
  },
  (t) => [uniqueIndex('api_keys_prefix_unique').on(t.prefix), index('api_keys_team_idx').on(t.teamId)],
);
