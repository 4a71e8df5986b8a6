import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import type { ApiKeyScope } from './schemas';
import { parseApiKey } from './secret';

export type KeyCheck =
  | { ok: false; reason: 'missing' | 'invalid' | 'revoked' | 'scope' }
  | { ok: true; keyId: number; teamId: number | null; limit: RateWindow };

export interface RateWindow {
  /** Requests allowed per minute. */
  limit: number;
  /** Requests counted in this minute, this one included. */
  used: number;
  /** When the window ends and the count starts again. */
  resetAt: Date;
}

/** last_used_at is written at most this often per key: a per-request write would be a hot row. */
const LAST_USE_RESOLUTION = '1 minute';

/**
 * Checks a presented key and counts the request against the key's per-minute window, in one
 * statement (one round trip on the hot path of intake): the key row by its prefix and hash, an
 * upsert of the window counter in the database (so every app server counts the same), and the
 * last-use stamp when it is older than a minute. Only a live key with the scope is counted.
 *
 * The counter row is hot (every request of a key updates it), so its statement commits without
 * waiting for the WAL flush (synchronous_commit off for this transaction only): the row lock is
 * released at once instead of after a disk sync, which otherwise caps a key at one request per
 * flush. A crash may forget the last few counts or the last-use stamp; nothing else rides on it.
 */
export async function authenticateApiKey(db: Database, presented: string | null, scope: ApiKeyScope, now = new Date()): Promise<KeyCheck> {
  if (!presented) return { ok: false, reason: 'missing' };
  const parsed = parseApiKey(presented.trim());
  if (!parsed) return { ok: false, reason: 'invalid' };
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const stamp = now.toISOString();
  const [row] = rowsOf<{ id: number; team_id: number | null; revoked: boolean; scoped: boolean; rate_limit_per_minute: number; requests: number | null }>(
    await db.execute(sql`
      with key as (
        select id, team_id, revoked_at is not null as revoked, ${scope} = any(scopes) as scoped, rate_limit_per_minute
        from api_keys where prefix = ${parsed.prefix} and key_hash = ${parsed.hash}),
      live as (select id from key where not revoked and scoped),
      counted as (
        insert into api_key_usage (api_key_id, window_start, requests)
        select id, ${windowStart.toISOString()}::timestamptz, 1 from live
        on conflict (api_key_id, window_start) do update set requests = api_key_usage.requests + 1
        returning requests),
      touched as (
        update api_keys set last_used_at = ${stamp}::timestamptz
        where id in (select id from live)
          and (last_used_at is null or last_used_at <= ${stamp}::timestamptz - ${LAST_USE_RESOLUTION}::interval)
        returning id)
      -- (a data-modifying WITH runs once whether or not the query reads it)
      select key.*, (select requests from counted) as requests, set_config('synchronous_commit', 'off', true) as async_commit from key`),
  );
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.revoked) return { ok: false, reason: 'revoked' };
  if (!row.scoped) return { ok: false, reason: 'scope' };
  return {
    ok: true,
    keyId: row.id,
    teamId: row.team_id,
    limit: { limit: row.rate_limit_per_minute, used: Number(row.requests), resetAt: new Date(windowStart.getTime() + 60_000) },
  };
}
