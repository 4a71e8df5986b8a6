import { and, asc, desc, eq, ilike, not, or, sql, type SQL } from 'drizzle-orm';
import { companies, contacts, users } from '@/db/schema';
import { normalizePhone } from '@/lib/phone';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { escapeLike } from '../deals/deal-filters';
import { contactIsReturning } from './client-status';
import { listClientsInput, type ListClientsInput } from './schemas';

const fullName = sql<string>`concat_ws(' ', ${contacts.lastName}, ${contacts.firstName}, ${contacts.middleName})`;

/** One page of the contacts the actor may see; search by name, company, phone or e-mail. */
export async function listContacts(ctx: ServiceContext, rawInput: ListClientsInput) {
  const input = listClientsInput.parse(rawInput);
  const conditions: (SQL | undefined)[] = [ownedWithin(ctx.actor, contacts.ownerId)];
  if (input.ownerId) conditions.push(eq(contacts.ownerId, input.ownerId));
  if (input.status) conditions.push(input.status === 'returning' ? contactIsReturning : not(contactIsReturning));
  if (input.search) {
    const pattern = escapeLike(input.search);
    const phone = normalizePhone(input.search);
    conditions.push(
      or(
        ilike(fullName, pattern),
        ilike(companies.name, pattern),
        sql`${input.search.trim().toLowerCase()} = any(${contacts.emailsNormalized})`,
        phone ? sql`${phone} = any(${contacts.phonesNormalized})` : undefined,
      ),
    );
  }
  const where = and(...conditions);
  const sortColumn = input.sort.field === 'name' ? contacts.lastName : contacts.createdAt;
  const [items, [totals]] = await Promise.all([
    ctx.db
      .select({
        id: contacts.id,
        fullName,
        position: contacts.position,
        companyId: contacts.companyId,
        companyName: companies.name,
        phones: contacts.phones,
        emails: contacts.emails,
        birthday: contacts.birthday,
        ownerName: users.name,
        isReturning: contactIsReturning,
        createdAt: contacts.createdAt,
      })
      .from(contacts)
      .innerJoin(users, eq(users.id, contacts.ownerId))
      .leftJoin(companies, eq(companies.id, contacts.companyId))
      .where(where)
      .orderBy(input.sort.direction === 'asc' ? asc(sortColumn) : desc(sortColumn), asc(contacts.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db
      .select({ total: sql<number>`count(*)::int` })
      .from(contacts)
      .leftJoin(companies, eq(companies.id, contacts.companyId))
      .where(where),
  ]);
  return { items, total: totals?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
