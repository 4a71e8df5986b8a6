import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createDatabase, databaseUrl, dropDatabase } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a freshly migrated PGlite data directory: each test file loads its own copy. */
    pgliteMigratedDump: string;
    /** The migrated PostgreSQL database test files clone; named per run so runs can overlap. */
    templateDatabase: string;
  }
}

/**
 * Migrates once per run: an empty PostgreSQL template database (test files clone it) and a
 * PGlite dump (test files load it), so each file gets its own fresh database in well under a second.
 */
export default async function setup(project: TestProject) {
  const templateDatabase = `voronka_test_template_${process.pid}`;
  await createDatabase(templateDatabase);
  const server = await openDatabase({ url: databaseUrl(templateDatabase), maxConnections: 1 });
  try {
    await migrateDatabase(server);
  } finally {
    await server.close();
  }

  const directory = await mkdtemp(path.join(os.tmpdir(), 'voronka-test-'));
  const dumpPath = path.join(directory, 'pglite-migrated.tar.gz');
  const lite = await openDatabase({});
  try {
    await migrateDatabase(lite);
    if (lite.raw.kind !== 'pglite') throw new Error('expected PGlite');
    const dump = await lite.raw.client.dumpDataDir('gzip');
    await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await lite.close();
  }
  project.provide('pgliteMigratedDump', dumpPath);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await rm(directory, { recursive: true, force: true });
    await dropDatabase(templateDatabase);
  };
}
