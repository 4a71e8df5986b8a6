/** `npm run automations:run`: one pass of the follow-up automations over the configured database. */
import { configuredDatabase, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { runAutomations } from '@/server/services/automations/run-automations';

const handle = await openDatabase(configuredDatabase());
try {
  await migrateDatabase(handle);
  const report = await runAutomations(handle.db);
  console.log(report.ran ? `created ${JSON.stringify(report.created)} in ${Math.round(report.ms)} ms` : 'another server is running the automations right now');
} finally {
  await handle.close();
}
