/** `npm run automations:run`: one pass of the follow-up automations and the lead duties over the configured database. */
import { configuredDatabase, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { runAutomations } from '@/server/services/automations/run-automations';
import { runLeadDuties } from '@/server/services/leads/distribution/lead-duties';

const handle = await openDatabase(configuredDatabase());
try {
  await migrateDatabase(handle);
  const report = await runAutomations(handle.db);
  console.log(report.ran ? `created ${JSON.stringify(report.created)} in ${Math.round(report.ms)} ms` : 'another server is running the automations right now');
  console.log('lead duties', await runLeadDuties(handle.db));
} finally {
  await handle.close();
}
