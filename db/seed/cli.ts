/**
 * `npm run db:seed -- [--scale demo|large] [--seed N] [--reset]`
 * Seeds DATABASE_URL (or the embedded PGlite under .data/): migrates first; with --reset wipes
 * the schemas and re-migrates; refuses a database that already has users.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { configuredDatabase, openDatabase, type DatabaseHandle } from '../client';
import { migrateDatabase } from '../migrate';
import { DEFAULT_SEED, isDatabaseEmpty, seedDatabase, type SeedScale } from './index';
import { scaleParams } from './scale';

const USAGE = 'usage: npm run db:seed -- [--scale demo|large] [--seed N] [--reset]';

function parseOptions(): { scale: SeedScale; seed: number; reset: boolean } {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.scale !== 'demo' && values.scale !== 'large') throw new Error(`--scale must be demo or large\n${USAGE}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`--seed must be a non-negative 32-bit integer\n${USAGE}`);
  return { scale: values.scale, seed, reset: values.reset };
}

async function execute(handle: DatabaseHandle, statement: string): Promise<void> {
  if (handle.raw.kind === 'postgres') await handle.raw.client.unsafe(statement);
  else await handle.raw.client.exec(statement);
}

async function main(): Promise<void> {
  const options = parseOptions();
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(7)}s`;
  const log = (message: string) => console.log(`[${elapsed()}] ${message}`);
  const target = configuredDatabase();
  if (!target.url && !scaleParams(options.scale).pgliteAllowed) {
    throw new Error(`The "${options.scale}" scale needs a PostgreSQL server: set DATABASE_URL (the embedded PGlite would take hours).`);
  }
  log(`database: ${target.url ? 'PostgreSQL server (DATABASE_URL)' : `PGlite at ${target.dataDir}`}`);
  const handle = await openDatabase({ ...target, maxConnections: 2 });
  try {
    if (options.reset) {
      log('--reset: dropping schemas public and drizzle');
      await execute(handle, 'drop schema if exists drizzle cascade');
      await execute(handle, 'drop schema if exists public cascade');
      await execute(handle, 'create schema public');
    }
    log('migrating');
    await migrateDatabase(handle);
    if (!(await isDatabaseEmpty(handle))) {
      console.error('The database is not empty: it already has users. Run again with --reset to wipe it (all data is lost), or point DATABASE_URL at an empty database.');
      process.exitCode = 1;
      return;
    }
    const { counts } = await seedDatabase(handle, { scale: options.scale, seed: options.seed, onProgress: log });
    const width = Math.max(...Object.keys(counts).map((t) => t.length));
    let total = 0;
    console.log('\nrows per table:');
    for (const [table, rows] of Object.entries(counts)) {
      total += rows;
      console.log(`  ${table.padEnd(width)}  ${rows.toLocaleString('en-US').padStart(12)}`);
    }
    console.log(`  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(12)}`);
    log(`done: ${options.scale} data with seed ${options.seed}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
