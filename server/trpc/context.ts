import type { Database } from '@/db/client';
import type { SessionUser } from '@/server/auth/session-user';

/** Per-request tRPC context: the database and the active user (null when signed out or deactivated). */
export interface TrpcContext {
  db: Database;
  user: SessionUser | null;
}
