import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { companies, contacts } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import { ServiceError } from '../errors';

/** A company a record is tied to must be one the actor can see (else it is "no such company"). */
export async function requireVisibleCompany(db: Database, actor: SessionUser, companyId: number | null | undefined, field = 'companyId') {
  if (!companyId) return;
  const [row] = await db.select({ id: companies.id }).from(companies).where(and(eq(companies.id, companyId), ownedWithin(actor, companies.ownerId)));
  if (!row) throw new ServiceError('BAD_REQUEST', `${field}: no such company`);
}

export async function requireVisibleContact(db: Database, actor: SessionUser, contactId: number | null | undefined, field = 'contactId') {
  if (!contactId) return;
  const [row] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.id, contactId), ownedWithin(actor, contacts.ownerId)));
  if (!row) throw new ServiceError('BAD_REQUEST', `${field}: no such contact`);
}
