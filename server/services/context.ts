import type { Database } from '@/db/client';
import type { SessionUser } from '@/server/auth/session-user';

/** What every service action receives: the actor and the database (or an open transaction). */
export interface ServiceContext {
  db: Database;
  actor: SessionUser;
}
