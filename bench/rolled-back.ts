import type { Database } from '@/db/client';

class Rollback extends Error {}

/** Runs the body in a transaction that is rolled back, so a benchmark leaves the data as it was. */
export async function rolledBack(db: Database, body: (tx: Database) => Promise<void>) {
  await db
    .transaction(async (tx) => {
      await body(tx as unknown as Database);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
}
