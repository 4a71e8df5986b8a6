/** `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded PGlite under .data/. */
import { configuredDatabase, openDatabase } from './client';
import { migrateDatabase } from './migrate';

const target = configuredDatabase();
const handle = await openDatabase(target);
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied to ${target.url ? 'PostgreSQL server' : `PGlite at ${target.dataDir}`}.`);
} finally {
  await handle.close();
}
