import type { Database } from '@/db/client';
import type { SessionUser } from '@/server/auth/session-user';

/** Per-request tRPC context: the database and the active user (null when signed out or deactivated). */
export interface TrpcContext {
  db: Database;
  /** Where analytics read: the replica (DATABASE_REPLICA_URL) or db. */
  reportDb?: Database;
  user: SessionUser | null;
}
