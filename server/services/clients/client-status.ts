import { sql, type SQL } from 'drizzle-orm';
import { companies, contacts, deals } from '@/db/schema';

/**
 * A client is new until its first won deal, returning afterwards (DESIGN.md section 3). A
 * contact of a company shares the company's history.
 */
export const companyIsReturning: SQL<boolean> = sql<boolean>`exists (
  select 1 from ${deals} where ${deals.companyId} = ${companies.id} and ${deals.status} = 'won')`;

export const contactIsReturning: SQL<boolean> = sql<boolean>`exists (
  select 1 from ${deals} where ${deals.status} = 'won'
    and (${deals.contactId} = ${contacts.id}
      or (${contacts.companyId} is not null and ${deals.companyId} = ${contacts.companyId})))`;
