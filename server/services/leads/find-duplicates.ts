import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';

export interface DuplicateMatch {
  leadId: number | null;
  contactId: number | null;
  companyId: number | null;
}

export interface DuplicateKeys {
  phone: string | null;
  email: string | null;
}

/**
 * Who this phone / e-mail already belongs to, as three scalar subqueries: the earliest open lead,
 * and a contact and a company on record. Matching is on the normalised forms (E.164, lower case),
 * so "8 (912) …" and "+7 912 …" are the same number. Organisation-wide on purpose: a duplicate in
 * a colleague's records is still a duplicate.
 */
export function duplicateLookups(keys: DuplicateKeys): { lead: SQL; contact: SQL; company: SQL } {
  const onLead = sql.join(
    [keys.phone ? sql`phone_normalized = ${keys.phone}` : sql`false`, keys.email ? sql`email_normalized = ${keys.email}` : sql`false`],
    sql` or `,
  );
  const onClient = sql.join(
    [
      keys.phone ? sql`phones_normalized @> array[${keys.phone}]::text[]` : sql`false`,
      keys.email ? sql`emails_normalized @> array[${keys.email}]::text[]` : sql`false`,
    ],
    sql` or `,
  );
  return {
    // Aggregates rather than ORDER BY … LIMIT 1: the planner would walk the whole primary key
    // (or created_at) index in order instead of using the phone / e-mail indexes.
    lead: sql`(select (array_agg(id order by created_at, id))[1] from leads where (${onLead}) and status in ('new', 'in_progress'))`,
    contact: sql`(select (array_agg(id order by id))[1] from contacts where ${onClient})`,
    company: sql`(select (array_agg(id order by id))[1] from companies where ${onClient})`,
  };
}

export async function findDuplicates(db: Database, keys: DuplicateKeys): Promise<DuplicateMatch> {
  if (!keys.phone && !keys.email) return { leadId: null, contactId: null, companyId: null };
  const lookups = duplicateLookups(keys);
  const [row] = rowsOf<{ lead_id: number | null; contact_id: number | null; company_id: number | null }>(
    await db.execute(sql`select ${lookups.lead} as lead_id, ${lookups.contact} as contact_id, ${lookups.company} as company_id`),
  );
  return { leadId: row?.lead_id ?? null, contactId: row?.contact_id ?? null, companyId: row?.company_id ?? null };
}
