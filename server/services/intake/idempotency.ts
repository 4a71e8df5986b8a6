import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';

/** An answer as it is stored and replayed: the status and the JSON body. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type IdempotentOutcome = { kind: 'fresh' | 'replay'; answer: StoredAnswer } | { kind: 'mismatch' };

/** How long a key's answer is kept for retries (the pruning deletes older ones). */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

/**
 * Runs `produce` at most once per (API key, Idempotency-Key). The claim row is inserted in the
 * same transaction as the work: a concurrent request with the same key blocks on the unique
 * index until the first one commits, then finds the stored answer and replays it; when the
 * first one fails, its claim rolls back with everything else and the next one does the work.
 * The same key with another body is refused (the caller sent a different request).
 */
export async function runIdempotent(
  db: Database,
  claim: { apiKeyId: number; key: string; requestHash: string; now: Date },
  produce: (tx: Database) => Promise<StoredAnswer>,
): Promise<IdempotentOutcome> {
  return db.transaction(async (tx) => {
    const claimed = rowsOf<{ claimed: number }>(
      await tx.execute(sql`
        insert into intake_requests (api_key_id, idempotency_key, request_hash, status_code, response, created_at)
        values (${claim.apiKeyId}, ${claim.key}, ${claim.requestHash}, 0, 'null'::jsonb, ${claim.now.toISOString()}::timestamptz)
        on conflict (api_key_id, idempotency_key) do nothing
        returning 1 as claimed`),
    );
    if (claimed.length === 0) {
      const [stored] = rowsOf<{ request_hash: string; status_code: number; response: unknown }>(
        await tx.execute(sql`
          select request_hash, status_code, response from intake_requests
          where api_key_id = ${claim.apiKeyId} and idempotency_key = ${claim.key}`),
      );
      if (!stored || stored.request_hash !== claim.requestHash) return { kind: 'mismatch' };
      return { kind: 'replay', answer: { status: stored.status_code, body: parseJsonb(stored.response) } };
    }
    const answer = await produce(tx);
    // The answer as stored (jsonb orders keys its own way): the first caller and every replay get the same bytes.
    const [stored] = rowsOf<{ response: unknown }>(
      await tx.execute(sql`
        update intake_requests set status_code = ${answer.status}, response = ${JSON.stringify(answer.body)}::jsonb
        where api_key_id = ${claim.apiKeyId} and idempotency_key = ${claim.key}
        returning response`),
    );
    return { kind: 'fresh', answer: { status: answer.status, body: parseJsonb(stored!.response) } };
  });
}

/** A stable fingerprint of a request's fields: key order and transport (JSON or form) do not matter. */
export function requestFingerprint(fields: Record<string, unknown>): string {
  const sorted = Object.keys(fields)
    .sort()
    .map((name) => [name, fields[name]]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/** Drops stored answers past retention and finished rate-limit windows (run by the scheduler). */
export async function pruneIntakeRecords(db: Database, now = new Date()): Promise<void> {
  const answersBefore = new Date(now.getTime() - IDEMPOTENCY_RETENTION_HOURS * 3_600_000).toISOString();
  const windowsBefore = new Date(now.getTime() - 5 * 60_000).toISOString();
  await db.execute(sql`delete from intake_requests where created_at < ${answersBefore}::timestamptz`);
  await db.execute(sql`delete from api_key_usage where window_start < ${windowsBefore}::timestamptz`);
}

/** postgres-js hands jsonb back parsed, PGlite too; a string means it came back as text. */
function parseJsonb(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
