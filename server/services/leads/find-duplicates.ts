import { and, asc, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { companies, contacts, leads } from '@/db/schema';

export interface DuplicateMatch {
  leadId: number | null;
  contactId: number | null;
  companyId: number | null;
}

/**
 * Who this phone / e-mail already belongs to: the earliest open lead, and a contact and a company
 * on record. Matching is on the normalised forms (E.164, lower case), so "8 (912) …" and
 * "+7 912 …" are the same number. Organisation-wide on purpose: a duplicate in a colleague's
 * records is still a duplicate.
 */
export async function findDuplicates(db: Database, keys: { phone: string | null; email: string | null }): Promise<DuplicateMatch> {
  if (!keys.phone && !keys.email) return { leadId: null, contactId: null, companyId: null };
  const onLead = or(
    keys.phone ? sql`${leads.phoneNormalized} = ${keys.phone}` : undefined,
    keys.email ? sql`${leads.emailNormalized} = ${keys.email}` : undefined,
  );
  const arrays = (phones: typeof contacts.phonesNormalized | typeof companies.phonesNormalized, emails: typeof contacts.emailsNormalized | typeof companies.emailsNormalized) =>
    or(
      keys.phone ? sql`${phones} @> array[${keys.phone}]::text[]` : undefined,
      keys.email ? sql`${emails} @> array[${keys.email}]::text[]` : undefined,
    );
  const [[lead], [contact], [company]] = await Promise.all([
    db.select({ id: leads.id }).from(leads).where(and(onLead, inArray(leads.status, ['new', 'in_progress']))).orderBy(asc(leads.createdAt), asc(leads.id)).limit(1),
    db.select({ id: contacts.id }).from(contacts).where(arrays(contacts.phonesNormalized, contacts.emailsNormalized)).orderBy(asc(contacts.id)).limit(1),
    db.select({ id: companies.id }).from(companies).where(arrays(companies.phonesNormalized, companies.emailsNormalized)).orderBy(asc(companies.id)).limit(1),
  ]);
  return { leadId: lead?.id ?? null, contactId: contact?.id ?? null, companyId: company?.id ?? null };
}
