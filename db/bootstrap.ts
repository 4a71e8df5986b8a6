import { getDatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import { isDatabaseEmpty, seedDatabase } from './seed';

/**
 * Runs when the server starts (instrumentation.ts): applies migrations, and on an empty
 * database fills the demo organisation, unless VORONKA_SEED_DEMO=false (production).
 */
export async function prepareDatabase(): Promise<void> {
  const handle = await getDatabaseHandle();
  const started = Date.now();
  await migrateDatabase(handle);
  if (process.env.VORONKA_SEED_DEMO !== 'false' && (await isDatabaseEmpty(handle))) {
    console.log('[voronka] empty database: filling demo data (first start only)…');
    const { counts } = await seedDatabase(handle, {
      scale: 'demo',
      onProgress: (message) => console.log(`[voronka] ${message}`),
    });
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.log(`[voronka] demo data ready: ${total} rows`);
  }
  console.log(`[voronka] database ready (${handle.driver}) in ${Date.now() - started} ms`);
}
