/**
 * `npm run db:repair-summaries`: rebuilds every summary table from its source rows, one
 * transaction each, and says how many rows were wrong. Safe to run at any time.
 */
import { configuredDatabase, openDatabase } from './client';
import { SUMMARY_TABLES } from './summaries';

const target = configuredDatabase();
const handle = await openDatabase(target);
try {
  for (const summary of SUMMARY_TABLES) {
    const started = performance.now();
    const differed = await handle.db.transaction((tx) => summary.rebuild(tx));
    console.log(`${summary.name}: rebuilt in ${Math.round(performance.now() - started)} ms, ${differed} row(s) differed`);
  }
  if (SUMMARY_TABLES.length === 0) console.log('No summary tables to rebuild.');
} finally {
  await handle.close();
}
