import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { companies, contacts, leads, leadSources, users, type LeadStatus } from '@/db/schema';
import { formatPhone } from '@/lib/phone';
import { ownedWithin } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import type { MergeEntity } from './schemas';

/** A value as people read it; reference names come in both languages. */
export type MergeValue = string | { ru: string; en: string } | null;

/** One record of a duplicate group, with every choosable field's value for side-by-side display. */
export interface DuplicateRecord {
  id: number;
  version: number;
  label: string;
  ownerName: string | null;
  createdAt: Date;
  status: LeadStatus | null;
  values: Record<string, MergeValue>;
  /** Contacts and companies: all their phones and e-mails (a merge keeps them all). */
  phones: string[];
  emails: string[];
}

const text = (value: string | null | undefined) => (value && value.trim() ? value : null);

/** The records behind a page of duplicate groups, by id (rows outside the actor's scope never appear). */
export async function loadGroupRecords(db: Database, actor: SessionUser, entity: MergeEntity, ids: number[]): Promise<Map<number, DuplicateRecord>> {
  if (ids.length === 0) return new Map();
  const records = entity === 'lead' ? await leadRecords(db, actor, ids) : entity === 'contact' ? await contactRecords(db, actor, ids) : await companyRecords(db, actor, ids);
  return new Map(records.map((record) => [record.id, record]));
}

async function leadRecords(db: Database, actor: SessionUser, ids: number[]): Promise<DuplicateRecord[]> {
  const rows = await db
    .select({ lead: leads, ownerName: users.name, sourceRu: leadSources.nameRu, sourceEn: leadSources.nameEn })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .leftJoin(leadSources, eq(leadSources.id, leads.sourceId))
    .where(and(inArray(leads.id, ids), ownedWithin(actor, leads.ownerId)));
  return rows.map(({ lead, ownerName, sourceRu, sourceEn }) => ({
    id: lead.id,
    version: lead.version,
    label: lead.title,
    ownerName,
    createdAt: lead.createdAt,
    status: lead.status,
    values: {
      title: text(lead.title),
      personName: text(lead.personName),
      phone: lead.phone ? formatPhone(lead.phone) : null,
      email: text(lead.email),
      companyName: text(lead.companyName),
      sourceId: sourceRu && sourceEn ? { ru: sourceRu, en: sourceEn } : null,
      utm: text([lead.utmSource, lead.utmMedium, lead.utmCampaign, lead.utmContent, lead.utmTerm].filter(Boolean).join(' / ')),
      comment: text(lead.comment),
      ownerId: ownerName,
    },
    phones: [],
    emails: [],
  }));
}

async function contactRecords(db: Database, actor: SessionUser, ids: number[]): Promise<DuplicateRecord[]> {
  const rows = await db
    .select({ contact: contacts, ownerName: users.name, companyName: companies.name })
    .from(contacts)
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(and(inArray(contacts.id, ids), ownedWithin(actor, contacts.ownerId)));
  return rows.map(({ contact, ownerName, companyName }) => ({
    id: contact.id,
    version: contact.version,
    label: [contact.lastName, contact.firstName, contact.middleName].filter(Boolean).join(' '),
    ownerName,
    createdAt: contact.createdAt,
    status: null,
    values: {
      lastName: text(contact.lastName),
      firstName: text(contact.firstName),
      middleName: text(contact.middleName),
      position: text(contact.position),
      birthday: contact.birthday,
      companyId: companyName ?? null,
      notes: text(contact.notes),
      ownerId: ownerName,
    },
    phones: contact.phones.map(formatPhone),
    emails: contact.emails,
  }));
}

async function companyRecords(db: Database, actor: SessionUser, ids: number[]): Promise<DuplicateRecord[]> {
  const rows = await db
    .select({ company: companies, ownerName: users.name })
    .from(companies)
    .leftJoin(users, eq(users.id, companies.ownerId))
    .where(and(inArray(companies.id, ids), ownedWithin(actor, companies.ownerId)));
  return rows.map(({ company, ownerName }) => ({
    id: company.id,
    version: company.version,
    label: company.name,
    ownerName,
    createdAt: company.createdAt,
    status: null,
    values: {
      name: text(company.name),
      inn: text(company.inn),
      industry: text(company.industry),
      region: text(company.region),
      address: text(company.address),
      website: text(company.website),
      segment: text(company.segment),
      notes: text(company.notes),
      ownerId: ownerName,
    },
    phones: company.phones.map(formatPhone),
    emails: company.emails,
  }));
}
