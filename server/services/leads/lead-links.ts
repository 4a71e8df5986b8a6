import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, AnyPgTable } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { companies, contacts, deals, leads, users } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import { leadVisibleTo } from './lead-visibility';

/**
 * A record a lead points to. Duplicates are found organisation-wide, so it may be a colleague's:
 * then the card says whose it is but not what it is called (`label` null, no link).
 */
export interface LinkedRecord {
  id: number;
  label: string | null;
  ownerName: string | null;
  visible: boolean;
}

interface LinkIds {
  duplicateOfLeadId: number | null;
  duplicateContactId: number | null;
  duplicateCompanyId: number | null;
  convertedContactId: number | null;
  convertedCompanyId: number | null;
  convertedDealId: number | null;
}

async function lookUp(db: Database, table: AnyPgTable, idColumn: AnyPgColumn, ownerColumn: AnyPgColumn, label: SQL, visible: SQL, id: number | null): Promise<LinkedRecord | null> {
  if (!id) return null;
  const [row] = await db
    .select({ id: idColumn, label: sql<string>`${label}`, ownerName: users.name, visible: sql<boolean>`(${visible})`.mapWith(Boolean) })
    .from(table)
    .leftJoin(users, eq(users.id, ownerColumn))
    .where(eq(idColumn, id));
  if (!row) return null;
  return { id: row.id as number, label: row.visible ? row.label : null, ownerName: row.ownerName, visible: row.visible };
}

/** The duplicates a lead was linked to and what it was converted into, each checked against the actor's scope. */
export async function linkedRecords(db: Database, actor: SessionUser, ids: LinkIds) {
  const contactLabel = sql`concat_ws(' ', ${contacts.lastName}, ${contacts.firstName})`;
  const contact = (id: number | null) => lookUp(db, contacts, contacts.id, contacts.ownerId, contactLabel, ownedWithin(actor, contacts.ownerId), id);
  const company = (id: number | null) => lookUp(db, companies, companies.id, companies.ownerId, sql`${companies.name}`, ownedWithin(actor, companies.ownerId), id);
  const [duplicateLead, duplicateContact, duplicateCompany, convertedContact, convertedCompany, convertedDeal] = await Promise.all([
    lookUp(db, leads, leads.id, leads.ownerId, sql`${leads.title}`, leadVisibleTo(actor), ids.duplicateOfLeadId),
    contact(ids.duplicateContactId),
    company(ids.duplicateCompanyId),
    contact(ids.convertedContactId),
    company(ids.convertedCompanyId),
    lookUp(db, deals, deals.id, deals.ownerId, sql`${deals.title}`, ownedWithin(actor, deals.ownerId), ids.convertedDealId),
  ]);
  return {
    duplicates: { lead: duplicateLead, contact: duplicateContact, company: duplicateCompany },
    converted: { contact: convertedContact, company: convertedCompany, deal: convertedDeal },
  };
}
