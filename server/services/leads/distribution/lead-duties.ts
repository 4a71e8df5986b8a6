import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { distributeTeamLeads, teamsWithWaitingLeads } from './distribute-leads';
import { enforceResponseSla } from './enforce-response-sla';

export interface LeadDutiesReport {
  distributed: number;
  slaBreaches: number;
}

/**
 * The minute-by-minute lead chores: hand out leads that waited for someone to come to work,
 * enforce the response SLA, and forget intake bookkeeping nobody needs any more (idempotency
 * answers after a day, rate-limit windows after an hour).
 */
export async function runLeadDuties(db: Database, now = new Date()): Promise<LeadDutiesReport> {
  let distributed = 0;
  for (const teamId of await teamsWithWaitingLeads(db)) distributed += (await distributeTeamLeads(db, teamId, now)) ?? 0;
  const slaBreaches = await enforceResponseSla(db, now);
  const stamp = now.toISOString();
  await db.execute(sql`delete from intake_requests where created_at < ${stamp}::timestamptz - interval '1 day'`);
  await db.execute(sql`delete from api_key_usage where window_start < ${stamp}::timestamptz - interval '1 hour'`);
  return { distributed, slaBreaches };
}
