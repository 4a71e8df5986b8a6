import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

/** Liveness for load balancers and scripts: answers 200 once the database responds. */
export async function GET() {
  try {
    await (await getDb()).execute(sql`select 1`);
    return Response.json({ status: 'ok' });
  } catch {
    return Response.json({ status: 'database unavailable' }, { status: 503 });
  }
}
