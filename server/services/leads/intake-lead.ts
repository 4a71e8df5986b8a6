import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { normalizePhone } from '@/lib/phone';
import { diffFields } from '../audit';
import { ServiceError } from '../errors';
import { distributeArrivedLead } from './distribution/distribute-leads';
import { duplicateLookups, type DuplicateMatch } from './find-duplicates';
import { intakeLeadInput, type IntakeLeadInput } from './intake-schema';

export interface IntakeResult {
  id: number;
  teamId: number;
  /** Null while nobody of the team is at work: the lead waits and the scheduler hands it out. */
  ownerId: number | null;
  duplicates: DuplicateMatch;
}

interface InsertedRow {
  team_ok: boolean;
  source_id: number | null;
  id: number | null;
  duplicate_of_lead_id: number | null;
  duplicate_contact_id: number | null;
  duplicate_company_id: number | null;
}

/**
 * A lead from a website form or an integration: validated, normalised, linked to the duplicates
 * it matches, stored with its history entry, then handed round-robin to a manager of the team at
 * work (with a first task and a response deadline). Storing is ONE statement (team and source
 * checks, duplicate lookups, the lead, the audit row): intake must take a thousand leads a second.
 * The lead is committed before distribution, so a failure there loses nothing: the scheduler
 * hands out waiting leads.
 */
export async function intakeLead(db: Database, origin: { apiKeyId: number | null; teamId: number | null }, rawInput: IntakeLeadInput, now = new Date()): Promise<IntakeResult> {
  const input = intakeLeadInput.parse(rawInput);
  const teamId = resolveTeam(origin.teamId, input.team ?? null);
  const phoneNormalized = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && !phoneNormalized) throw new ServiceError('BAD_REQUEST', 'phone: not a valid phone number');
  const fields = {
    title: input.title || [input.company, input.name].filter(Boolean).join(' · ') || input.phone || input.email || '',
    personName: input.name,
    phone: input.phone,
    email: input.email,
    companyName: input.company,
    comment: input.comment,
    utmSource: input.utm_source,
    utmMedium: input.utm_medium,
    utmCampaign: input.utm_campaign,
    utmContent: input.utm_content,
    utmTerm: input.utm_term,
    teamId,
  };
  const history = diffFields({}, { ...fields, source: input.source, apiKeyId: origin.apiKeyId });
  const duplicates = phoneNormalized || input.email ? duplicateLookups({ phone: phoneNormalized, email: input.email }) : null;
  const stamp = now.toISOString();
  const [row] = rowsOf<InsertedRow>(
    await db.execute(sql`
      with team as (select id from teams where id = ${teamId}),
      source as (select id from lead_sources where ${input.source ? sql`lower(code) = lower(${input.source}) and not is_archived` : sql`false`}),
      inserted as (
        insert into leads (title, person_name, phone, email, phone_normalized, email_normalized, company_name, comment, source_id,
                           utm_source, utm_medium, utm_campaign, utm_content, utm_term, team_id,
                           duplicate_of_lead_id, duplicate_contact_id, duplicate_company_id, created_at, updated_at)
        select ${fields.title}, ${fields.personName}, ${fields.phone}, ${fields.email}, ${phoneNormalized}, ${input.email}, ${fields.companyName},
               ${fields.comment}, (select id from source), ${fields.utmSource}, ${fields.utmMedium}, ${fields.utmCampaign}, ${fields.utmContent},
               ${fields.utmTerm}, team.id,
               ${duplicates?.lead ?? sql`null::int`}, ${duplicates?.contact ?? sql`null::int`}, ${duplicates?.company ?? sql`null::int`},
               ${stamp}::timestamptz, ${stamp}::timestamptz
        from team
        where ${input.source ? sql`exists (select 1 from source)` : sql`true`}
        returning id, source_id, duplicate_of_lead_id, duplicate_contact_id, duplicate_company_id),
      audited as (
        insert into audit_log (actor_id, action, entity_type, entity_id, changes, created_at, updated_at)
        select null, 'lead.intake', 'lead', id, ${JSON.stringify(history)}::jsonb || jsonb_build_object('sourceId', jsonb_build_array(null, source_id)),
               ${stamp}::timestamptz, ${stamp}::timestamptz
        from inserted)
      select exists (select 1 from team) as team_ok, inserted.*
      from (select 1) as one left join inserted on true`),
  );
  if (!row?.team_ok) throw new ServiceError('BAD_REQUEST', 'team: no such team');
  if (row.id === null) throw new ServiceError('BAD_REQUEST', 'source: no such lead source');
  const ownerId = await distributeArrivedLead(db, teamId, row.id, now);
  return {
    id: row.id,
    teamId,
    ownerId,
    duplicates: { leadId: row.duplicate_of_lead_id, contactId: row.duplicate_contact_id, companyId: row.duplicate_company_id },
  };
}

/** A key tied to a team posts only to it; an untied key must name the team. */
function resolveTeam(keyTeamId: number | null, requested: number | null): number {
  if (keyTeamId !== null && requested !== null && requested !== keyTeamId) {
    throw new ServiceError('BAD_REQUEST', 'team: this API key may post only to its own team');
  }
  const teamId = keyTeamId ?? requested;
  if (teamId === null) throw new ServiceError('BAD_REQUEST', 'team: required (this API key is not tied to a team)');
  return teamId;
}
