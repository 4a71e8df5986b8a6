import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle, type Driver } from '@/db/client';
import { createDatabase, dropDatabase } from './postgres-server';

export const DRIVERS: Driver[] = ['pglite', 'postgres'];

/** A fresh, migrated database of the given driver for one test file (opened in beforeAll). */
export async function openFreshDatabase(driver: Driver): Promise<DatabaseHandle> {
  if (driver === 'pglite') {
    const dump = await readFile(inject('pgliteMigratedDump'));
    return openDatabase({ loadDataDir: new Blob([dump]) });
  }
  const name = `voronka_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const handle = await openDatabase({ url: await createDatabase(name, inject('templateDatabase')), maxConnections: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropDatabase(name);
    },
  };
}

/** Registers beforeAll / afterAll for a per-file database and returns a getter for it. */
export function useFreshDatabase(driver: Driver): () => DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openFreshDatabase(driver);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error('database not open yet: call inside a test or hook');
    return handle;
  };
}

class Rollback extends Error {}

/**
 * Runs a test body in a transaction that is always rolled back, so tests in one file never see
 * each other's writes. Services that open their own transaction get a savepoint inside it.
 */
export async function inRollback<T>(db: Database, body: (tx: Database) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await db
    .transaction(async (tx) => {
      result = await body(tx as unknown as Database);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result as T;
}
