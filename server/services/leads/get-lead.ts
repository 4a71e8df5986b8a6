import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { junkReasons, leadSources, leads, teams, users } from '@/db/schema';
import { formatPhone } from '@/lib/phone';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { linkedRecords } from './lead-links';
import { leadVisibleTo } from './lead-visibility';

const owners = alias(users, 'owner');

/**
 * One lead for its card, within the actor's scope (a lead outside it is reported exactly like a
 * missing one). Carries every field of a leads-list row too, so the list's dialogs work on it.
 */
export async function getLead({ db, actor }: ServiceContext, input: { id: number }) {
  const [lead] = await db
    .select({
      id: leads.id,
      version: leads.version,
      title: leads.title,
      personName: leads.personName,
      phone: leads.phone,
      email: leads.email,
      companyName: leads.companyName,
      comment: leads.comment,
      status: leads.status,
      sourceId: leads.sourceId,
      sourceNameRu: leadSources.nameRu,
      sourceNameEn: leadSources.nameEn,
      utmSource: leads.utmSource,
      utmMedium: leads.utmMedium,
      utmCampaign: leads.utmCampaign,
      utmContent: leads.utmContent,
      utmTerm: leads.utmTerm,
      junkReasonRu: junkReasons.nameRu,
      junkReasonEn: junkReasons.nameEn,
      junkComment: leads.junkComment,
      ownerId: leads.ownerId,
      ownerName: owners.name,
      teamId: leads.teamId,
      teamName: teams.name,
      duplicateOfLeadId: leads.duplicateOfLeadId,
      duplicateContactId: leads.duplicateContactId,
      duplicateCompanyId: leads.duplicateCompanyId,
      convertedContactId: leads.convertedContactId,
      convertedCompanyId: leads.convertedCompanyId,
      convertedDealId: leads.convertedDealId,
      convertedAt: leads.convertedAt,
      junkedAt: leads.junkedAt,
      firstActivityAt: leads.firstActivityAt,
      assignedAt: leads.assignedAt,
      responseDueAt: leads.responseDueAt,
      createdAt: leads.createdAt,
      updatedAt: leads.updatedAt,
    })
    .from(leads)
    .leftJoin(leadSources, eq(leadSources.id, leads.sourceId))
    .leftJoin(junkReasons, eq(junkReasons.id, leads.junkReasonId))
    .leftJoin(owners, eq(owners.id, leads.ownerId))
    .leftJoin(teams, eq(teams.id, leads.teamId))
    .where(and(eq(leads.id, input.id), leadVisibleTo(actor)))
    .limit(1);
  if (!lead) throw notFound('Lead');
  const links = await linkedRecords(db, actor, lead);
  // Formatted here, so the card needs no phone library in the browser.
  return { ...lead, phoneDisplay: lead.phone ? formatPhone(lead.phone) : null, ...links };
}
