/**
 * `npm run db:load-sample maven [-- --dir <folder>]`
 * Loads a public sample data set into the configured database (DATABASE_URL, else the embedded
 * PGlite under .data/pglite): migrates first, then refuses any database that already has data.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { configuredDatabase, openDatabase } from '../client';
import { migrateDatabase } from '../migrate';
import { SampleRefusedError, loadMavenSample } from './maven/load';
import { DEFAULT_MAVEN_DIR } from './maven/read';
import { MAVEN_ADMIN_EMAIL } from './maven/plan';

const SAMPLES = ['maven'] as const;
const USAGE = `usage: npm run db:load-sample <${SAMPLES.join('|')}> [-- --dir <folder with the CSV files>]
  maven   Maven Analytics "CRM Sales Opportunities" (default folder ${DEFAULT_MAVEN_DIR})`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dir: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sample = positionals[0];
  if (positionals.length !== 1 || !SAMPLES.includes(sample as (typeof SAMPLES)[number])) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);
  const target = configuredDatabase();
  log(`database: ${target.url ? 'PostgreSQL server (DATABASE_URL)' : `PGlite at ${target.dataDir}`}`);
  const handle = await openDatabase({ ...target, maxConnections: 2 });
  try {
    log('migrating');
    await migrateDatabase(handle);
    const { counts } = await loadMavenSample(handle, { dir: values.dir, onProgress: log });
    const width = Math.max(...Object.keys(counts).map((t) => t.length));
    console.log('\nrows per table:');
    for (const [table, rows] of Object.entries(counts)) console.log(`  ${table.padEnd(width)}  ${rows.toLocaleString('en-US').padStart(8)}`);
    console.log(`\nSign in as ${MAVEN_ADMIN_EMAIL} (or any sample user, <first>.<last>@maventech.example) with the demo password "voronka-demo".`);
  } catch (error) {
    if (error instanceof SampleRefusedError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
