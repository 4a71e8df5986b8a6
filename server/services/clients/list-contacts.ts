import { and, asc, desc, eq, ilike, not, or, sql, type SQL } from 'drizzle-orm';
import { companies, contacts, users } from '@/db/schema';
import { formatPhone, normalizePhone } from '@/lib/phone';
import { ownedWithin } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import type { ServiceContext } from '../context';
import { escapeLike } from '../deals/deal-filters';
import { contactIsReturning } from './client-status';
import { listClientsInput, type ClientFilters, type ListClientsInput } from './schemas';

const fullName = sql<string>`concat_ws(' ', ${contacts.lastName}, ${contacts.firstName}, ${contacts.middleName})`;

/** Contacts the actor may see, narrowed by owner, status and a search by name, company, phone or e-mail. */
export function contactConditions(actor: SessionUser, filters: ClientFilters): SQL {
  const conditions: (SQL | undefined)[] = [ownedWithin(actor, contacts.ownerId)];
  if (filters.ownerId) conditions.push(eq(contacts.ownerId, filters.ownerId));
  if (filters.status) conditions.push(filters.status === 'returning' ? contactIsReturning : not(contactIsReturning));
  if (filters.search) {
    const text = filters.search.trim();
    const pattern = escapeLike(text);
    const phone = normalizePhone(text);
    conditions.push(
      or(
        ilike(fullName, pattern),
        sql`exists (select 1 from ${companies} where ${companies.id} = ${contacts.companyId} and ${companies.name} ilike ${pattern})`,
        sql`${text.toLowerCase()} = any(${contacts.emailsNormalized})`,
        phone ? sql`${phone} = any(${contacts.phonesNormalized})` : undefined,
      ),
    );
  }
  return and(...conditions)!;
}

/** The contact rows of the list and its export, in the requested order. */
export function contactRows(ctx: ServiceContext, filters: ClientFilters) {
  const sortColumn = filters.sort.field === 'name' ? contacts.lastName : contacts.createdAt;
  return ctx.db
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
    .where(contactConditions(ctx.actor, filters))
    .orderBy(filters.sort.direction === 'asc' ? asc(sortColumn) : desc(sortColumn), asc(contacts.id))
    .$dynamic();
}

/** One page of the contacts the actor may see. */
export async function listContacts(ctx: ServiceContext, rawInput: ListClientsInput) {
  const input = listClientsInput.parse(rawInput);
  const [items, [totals]] = await Promise.all([
    contactRows(ctx, input).limit(input.pageSize).offset((input.page - 1) * input.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(contacts).where(contactConditions(ctx.actor, input)),
  ]);
  // Phones are formatted here, so list pages need no phone library in the browser.
  const withPhones = items.map((item) => ({ ...item, phoneDisplay: item.phones[0] ? formatPhone(item.phones[0]) : null }));
  return { items: withPhones, total: totals?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
