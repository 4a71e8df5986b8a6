import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { normalizePhone } from '@/lib/phone';
import { diffFields } from '../audit';
import { ServiceError } from '../errors';
import { distributeArrivedLeads } from './distribution/distribute-leads';
import type { DuplicateMatch } from './find-duplicates';
import { intakeLeadInput, type IntakeLead, type IntakeLeadInput } from './intake-schema';

export interface IntakeResult {
  id: number;
  teamId: number;
  /** Null while nobody of the team is at work: the lead waits and the scheduler hands it out. */
  ownerId: number | null;
  duplicates: DuplicateMatch;
}

export interface IntakeOrigin {
  apiKeyId: number | null;
  /** The key's team, or null when the key is not tied to one (then each lead names its team). */
  teamId: number | null;
}

/** Most leads one request may carry (an integration posting a backlog in batches). */
export const MAX_INTAKE_BATCH = 100;

/** One lead from a website form or an integration; see intakeLeads. */
export async function intakeLead(db: Database, origin: IntakeOrigin, rawInput: IntakeLeadInput, now = new Date()): Promise<IntakeResult> {
  const [result] = await intakeLeads(db, origin, [rawInput], now);
  return result!;
}

/**
 * Leads from website forms or integrations: validated, normalised, linked to the duplicates they
 * match (open leads, contacts, companies, and earlier leads of the same batch), stored with their
 * history entries, then handed round-robin to managers of the team at work (first task, response
 * deadline). Storing is ONE statement whatever the batch size: intake must take a thousand leads
 * a second. All or nothing: one bad lead refuses the batch, naming it (`leads.3.phone`). The
 * leads are committed before distribution, so a failure there loses nothing: the scheduler
 * hands out waiting leads.
 */
export async function intakeLeads(db: Database, origin: IntakeOrigin, rawInputs: IntakeLeadInput[], now = new Date()): Promise<IntakeResult[]> {
  if (rawInputs.length === 0 || rawInputs.length > MAX_INTAKE_BATCH) {
    throw new ServiceError('BAD_REQUEST', `leads: send 1 to ${MAX_INTAKE_BATCH} leads`);
  }
  const rows = rawInputs.map((raw, index) => prepare(origin, raw, rawInputs.length > 1 ? `leads.${index}.` : ''));
  const stamp = now.toISOString();
  const values = rows.map(
    (row, ord) => sql`(${ord}::int, ${row.teamId}::int, ${row.fields.title}::text, ${row.fields.personName}::text, ${row.fields.phone}::text,
      ${row.fields.email}::text, ${row.phoneNormalized}::text, ${row.fields.companyName}::text, ${row.fields.comment}::text, ${row.source}::text,
      ${row.fields.utmSource}::text, ${row.fields.utmMedium}::text, ${row.fields.utmCampaign}::text, ${row.fields.utmContent}::text,
      ${row.fields.utmTerm}::text, ${JSON.stringify(row.history)}::jsonb)`,
  );
  const stored = rowsOf<{ ord: number; id: number | null; team_ok: boolean; source_ok: boolean; duplicate_of_lead_id: number | null; duplicate_contact_id: number | null; duplicate_company_id: number | null }>(
    await db.execute(sql`
      with incoming as materialized (
        select nextval(pg_get_serial_sequence('leads', 'id'))::int as id, v.*,
               exists (select 1 from teams t where t.id = v.team_id) as team_ok,
               (select s.id from lead_sources s where v.source_code is not null and lower(s.code) = lower(v.source_code) and not s.is_archived) as source_id
        from (values ${sql.join(values, sql`, `)}) as v (ord, team_id, title, person_name, phone, email, phone_n, company_name, comment, source_code,
                                                    utm_source, utm_medium, utm_campaign, utm_content, utm_term, history)),
      acceptable as (
        select not exists (select 1 from incoming where not team_ok or (source_code is not null and source_id is null)) as ok),
      -- The batch's phones and e-mails are looked up once per table, then matched per lead.
      batch_keys as (
        select array_agg(phone_n) filter (where phone_n is not null) as phones, array_agg(email) filter (where email is not null) as emails
        from incoming),
      lead_hits as materialized (
        select l.id, l.created_at, l.phone_normalized, l.email_normalized from leads l, batch_keys k
        where (l.phone_normalized = any(k.phones) or l.email_normalized = any(k.emails)) and l.status in ('new', 'in_progress')),
      contact_hits as materialized (
        select c.id, c.phones_normalized, c.emails_normalized from contacts c, batch_keys k
        where c.phones_normalized && k.phones or c.emails_normalized && k.emails),
      company_hits as materialized (
        select c.id, c.phones_normalized, c.emails_normalized from companies c, batch_keys k
        where c.phones_normalized && k.phones or c.emails_normalized && k.emails),
      matched as (
        select i.*,
          (select (array_agg(h.id order by h.created_at, h.id))[1] from lead_hits h where h.phone_normalized = i.phone_n or h.email_normalized = i.email) as dup_lead,
          (select min(h.id) from contact_hits h where h.phones_normalized @> array[i.phone_n] or h.emails_normalized @> array[i.email]) as dup_contact,
          (select min(h.id) from company_hits h where h.phones_normalized @> array[i.phone_n] or h.emails_normalized @> array[i.email]) as dup_company
        from incoming i where (select ok from acceptable)),
      inserted as (
        insert into leads (id, title, person_name, phone, email, phone_normalized, email_normalized, company_name, comment, source_id,
                           utm_source, utm_medium, utm_campaign, utm_content, utm_term, team_id,
                           duplicate_of_lead_id, duplicate_contact_id, duplicate_company_id, created_at, updated_at)
        select id, title, person_name, phone, email, phone_n, email, company_name, comment, source_id,
               utm_source, utm_medium, utm_campaign, utm_content, utm_term, team_id,
               dup_lead, dup_contact, dup_company, ${stamp}::timestamptz, ${stamp}::timestamptz
        from matched
        returning id),
      audited as (
        insert into audit_log (actor_id, action, entity_type, entity_id, changes, created_at, updated_at)
        select null, 'lead.intake', 'lead', m.id, m.history || jsonb_build_object('sourceId', jsonb_build_array(null, m.source_id)),
               ${stamp}::timestamptz, ${stamp}::timestamptz
        from matched m join inserted using (id))
      select i.ord, m.id, i.team_ok, (i.source_code is null or i.source_id is not null) as source_ok,
             m.dup_lead as duplicate_of_lead_id, m.dup_contact as duplicate_contact_id, m.dup_company as duplicate_company_id
      from incoming i left join matched m on m.ord = i.ord
      order by i.ord`),
  );
  refuseUnacceptable(stored, rows.length > 1);
  const results = stored.map((row, ord) => ({ ...row, id: row.id!, teamId: rows[ord]!.teamId }));
  await linkDuplicatesWithinBatch(db, rows, results);
  const owners = await distributeArrivedLeads(db, results.map((row) => ({ leadId: row.id, teamId: row.teamId })), now);
  return results.map((row) => ({
    id: row.id,
    teamId: row.teamId,
    ownerId: owners.get(row.id) ?? null,
    duplicates: { leadId: row.duplicate_of_lead_id, contactId: row.duplicate_contact_id, companyId: row.duplicate_company_id },
  }));
}

interface PreparedLead {
  teamId: number;
  phoneNormalized: string | null;
  email: string | null;
  source: string | null;
  fields: ReturnType<typeof leadFields>;
  history: ReturnType<typeof diffFields>;
}

function prepare(origin: IntakeOrigin, raw: IntakeLeadInput, fieldPrefix: string): PreparedLead {
  const parsed = intakeLeadInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ServiceError('BAD_REQUEST', `${fieldPrefix}${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  const input = parsed.data;
  const teamId = resolveTeam(origin.teamId, input.team ?? null, fieldPrefix);
  const phoneNormalized = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && !phoneNormalized) throw new ServiceError('BAD_REQUEST', `${fieldPrefix}phone: not a valid phone number`);
  const fields = leadFields(input);
  return { teamId, phoneNormalized, email: input.email, source: input.source, fields, history: diffFields({}, { ...fields, teamId, source: input.source, apiKeyId: origin.apiKeyId }) };
}

function leadFields(input: IntakeLead) {
  return {
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
  };
}

function refuseUnacceptable(stored: { ord: number; team_ok: boolean; source_ok: boolean }[], batch: boolean): void {
  const prefix = (ord: number) => (batch ? `leads.${ord}.` : '');
  const badTeam = stored.find((row) => !row.team_ok);
  if (badTeam) throw new ServiceError('BAD_REQUEST', `${prefix(badTeam.ord)}team: no such team`);
  const badSource = stored.find((row) => !row.source_ok);
  if (badSource) throw new ServiceError('BAD_REQUEST', `${prefix(badSource.ord)}source: no such lead source`);
}

/** A later lead of the same batch with a phone or e-mail of an earlier one is that one's duplicate. */
async function linkDuplicatesWithinBatch(db: Database, rows: PreparedLead[], results: { id: number; duplicate_of_lead_id: number | null }[]) {
  const firstByKey = new Map<string, number>();
  const links: { id: number; duplicateOf: number }[] = [];
  rows.forEach((row, ord) => {
    const keys = [row.phoneNormalized && `p:${row.phoneNormalized}`, row.email && `e:${row.email}`].filter((key): key is string => Boolean(key));
    const result = results[ord]!;
    const earlier = keys.map((key) => firstByKey.get(key)).find((id) => id !== undefined);
    if (earlier !== undefined && result.duplicate_of_lead_id === null) {
      result.duplicate_of_lead_id = earlier;
      links.push({ id: result.id, duplicateOf: earlier });
    }
    for (const key of keys) if (!firstByKey.has(key)) firstByKey.set(key, result.id);
  });
  if (links.length === 0) return;
  const pairs = sql.join(links.map((link) => sql`(${link.id}::int, ${link.duplicateOf}::int)`), sql`, `);
  await db.execute(sql`update leads l set duplicate_of_lead_id = p.duplicate_of from (values ${pairs}) as p (id, duplicate_of) where l.id = p.id`);
}

/** A key tied to a team posts only to it; an untied key must name the team. */
function resolveTeam(keyTeamId: number | null, requested: number | null, fieldPrefix: string): number {
  if (keyTeamId !== null && requested !== null && requested !== keyTeamId) {
    throw new ServiceError('BAD_REQUEST', `${fieldPrefix}team: this API key may post only to its own team`);
  }
  const teamId = keyTeamId ?? requested;
  if (teamId === null) throw new ServiceError('BAD_REQUEST', `${fieldPrefix}team: required (this API key is not tied to a team)`);
  return teamId;
}
