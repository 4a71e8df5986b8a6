import type { Database } from '@/db/client';
import { distributeTeamLeads, teamsWithWaitingLeads } from './distribute-leads';
import { enforceResponseSla } from './enforce-response-sla';
import { pruneIntakeRecords } from '../../intake/idempotency';

export interface LeadDutiesReport {
  distributed: number;
  slaBreaches: number;
}

/**
 * The minute-by-minute lead chores: hand out leads that waited for someone to come to work,
 * enforce the response SLA, and forget intake bookkeeping nobody needs any more (stored
 * idempotency answers, old rate-limit windows).
 */
export async function runLeadDuties(db: Database, now = new Date()): Promise<LeadDutiesReport> {
  let distributed = 0;
  for (const teamId of await teamsWithWaitingLeads(db)) distributed += (await distributeTeamLeads(db, teamId, now)).size;
  const slaBreaches = await enforceResponseSla(db, now);
  await pruneIntakeRecords(db, now);
  return { distributed, slaBreaches };
}
