import { getDb } from '@/db/client';
import { runAutomations } from '@/server/services/automations/run-automations';

/**
 * Runs the follow-up automations inside `npm start`, every VORONKA_AUTOMATIONS_EVERY_MINUTES
 * (default 10; 0 turns it off). Safe with several servers: a pass takes an advisory lock, and
 * the tasks' automation keys forbid duplicates anyway.
 */
export function startScheduler(): void {
  const minutes = Number(process.env.VORONKA_AUTOMATIONS_EVERY_MINUTES ?? 10);
  if (!Number.isFinite(minutes) || minutes <= 0) return;
  const pass = async () => {
    try {
      const report = await runAutomations(await getDb());
      const created = Object.values(report.created).reduce((sum, n) => sum + n, 0);
      if (created > 0) console.log(`[voronka] automations created ${created} tasks in ${Math.round(report.ms)} ms`, report.created);
    } catch (error) {
      console.error('[voronka] automation pass failed', error);
    }
  };
  void pass();
  setInterval(pass, minutes * 60_000).unref();
}
