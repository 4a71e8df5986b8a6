import { databaseAnswers } from '@/server/services/system/check-database';

/** Liveness for load balancers and scripts: 200 once the database responds. */
export async function GET() {
  return (await databaseAnswers())
    ? Response.json({ status: 'ok' })
    : Response.json({ status: 'database unavailable' }, { status: 503 });
}
