import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

/** True when the database answers a trivial query (health checks). */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await (await getDb()).execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
