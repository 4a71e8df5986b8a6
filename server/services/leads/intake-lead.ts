import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { leads, leadSources, teams } from '@/db/schema';
import { normalizePhone } from '@/lib/phone';
import { diffFields, writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { distributeTeamLeads } from './distribution/distribute-leads';
import { findDuplicates, type DuplicateMatch } from './find-duplicates';
import { intakeLeadInput, type IntakeLeadInput } from './intake-schema';

export interface IntakeResult {
  id: number;
  teamId: number;
  /** Null while nobody of the team is at work: the lead waits and the scheduler hands it out. */
  ownerId: number | null;
  duplicates: DuplicateMatch;
}

/**
 * A lead from a website form or an integration: validated, normalised, linked to the duplicates
 * it matches, stored, then handed round-robin to a manager of the team at work (with a first task
 * and a response deadline). The lead is committed before distribution, so a failure there loses
 * nothing: the scheduler retries waiting leads.
 */
export async function intakeLead(db: Database, source: { apiKeyId: number | null; teamId: number | null }, rawInput: IntakeLeadInput, now = new Date()): Promise<IntakeResult> {
  const input = intakeLeadInput.parse(rawInput);
  const teamId = resolveTeam(source.teamId, input.team ?? null);
  const phoneNormalized = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && !phoneNormalized) throw new ServiceError('BAD_REQUEST', 'phone: not a valid phone number');
  const lead = await db.transaction(async (tx) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
    if (!team) throw new ServiceError('BAD_REQUEST', 'team: no such team');
    const sourceId = input.source ? await activeSourceId(tx, input.source) : null;
    const duplicates = await findDuplicates(tx, { phone: phoneNormalized, email: input.email });
    const fields = {
      title: input.title || [input.company, input.name].filter(Boolean).join(' · ') || input.phone || input.email || '',
      personName: input.name,
      phone: input.phone,
      email: input.email,
      companyName: input.company,
      comment: input.comment,
      sourceId,
      utmSource: input.utm_source,
      utmMedium: input.utm_medium,
      utmCampaign: input.utm_campaign,
      utmContent: input.utm_content,
      utmTerm: input.utm_term,
      teamId,
    };
    const [row] = await tx
      .insert(leads)
      .values({
        ...fields,
        phoneNormalized,
        emailNormalized: input.email,
        duplicateOfLeadId: duplicates.leadId,
        duplicateContactId: duplicates.contactId,
        duplicateCompanyId: duplicates.companyId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: leads.id });
    await writeAudit(tx, { actorId: null, action: 'lead.intake', entityType: 'lead', entityId: row!.id, changes: diffFields({}, { ...fields, apiKeyId: source.apiKeyId }) });
    return { id: row!.id, duplicates };
  });
  await distributeTeamLeads(db, teamId, now);
  const [assigned] = await db.select({ ownerId: leads.ownerId }).from(leads).where(eq(leads.id, lead.id));
  return { id: lead.id, teamId, ownerId: assigned?.ownerId ?? null, duplicates: lead.duplicates };
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

async function activeSourceId(tx: Database, code: string): Promise<number> {
  const [row] = await tx
    .select({ id: leadSources.id })
    .from(leadSources)
    .where(and(sql`lower(${leadSources.code}) = lower(${code})`, eq(leadSources.isArchived, false)));
  if (!row) throw new ServiceError('BAD_REQUEST', 'source: no such lead source');
  return row.id;
}
