import { getDb, getReportDb } from '@/db/client';
import { getCurrentUser } from '@/server/auth/current-user';
import type { TrpcContext } from './context';

/** Context for HTTP requests and server components: the session's active user, fresh per request. */
export async function createRequestContext(): Promise<TrpcContext> {
  return { db: await getDb(), reportDb: await getReportDb(), user: await getCurrentUser() };
}
