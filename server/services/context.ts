import type { Database } from '@/db/client';
import type { SessionUser } from '@/server/auth/session-user';

/** What every service action receives: the actor and the database (or an open transaction). */
export interface ServiceContext {
  db: Database;
  actor: SessionUser;
  /**
   * Where analytics read (inReportTransaction): a read replica when DATABASE_REPLICA_URL is set;
   * absent = db. Writes (the export's audit row) always go to db.
   */
  reportDb?: Database;
}
