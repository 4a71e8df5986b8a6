import { getDb } from '@/db/client';
import { runAutomations } from '@/server/services/automations/run-automations';
import { runLeadDuties } from '@/server/services/leads/distribution/lead-duties';

/**
 * Background passes inside `npm start`. Safe with several servers: every pass locks what it
 * changes, and keys in the data forbid doing a thing twice.
 * - follow-up automations every VORONKA_AUTOMATIONS_EVERY_MINUTES (default 10);
 * - lead duties (waiting leads, response SLA) every VORONKA_LEAD_DUTIES_EVERY_SECONDS (default 30),
 *   so an SLA is enforced within half a minute of its deadline.
 * 0 turns a pass off.
 */
export function startScheduler(): void {
  every(Number(process.env.VORONKA_AUTOMATIONS_EVERY_MINUTES ?? 10) * 60, 'automation', async () => {
    const report = await runAutomations(await getDb());
    const created = Object.values(report.created).reduce((sum, n) => sum + n, 0);
    if (created > 0) console.log(`[voronka] automations created ${created} tasks in ${Math.round(report.ms)} ms`, report.created);
  });
  every(Number(process.env.VORONKA_LEAD_DUTIES_EVERY_SECONDS ?? 30), 'lead duties', async () => {
    const report = await runLeadDuties(await getDb());
    if (report.distributed + report.slaBreaches > 0) console.log('[voronka] lead duties', report);
  });
}

function every(seconds: number, name: string, pass: () => Promise<void>): void {
  if (!Number.isFinite(seconds) || seconds <= 0) return;
  const guarded = async () => {
    try {
      await pass();
    } catch (error) {
      console.error(`[voronka] ${name} pass failed`, error);
    }
  };
  void guarded();
  setInterval(guarded, seconds * 1000).unref();
}
