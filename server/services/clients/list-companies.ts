import { and, asc, desc, eq, ilike, not, or, sql, type SQL } from 'drizzle-orm';
import { companies, users } from '@/db/schema';
import { formatPhone, normalizePhone } from '@/lib/phone';
import { ownedWithin } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import type { ServiceContext } from '../context';
import { escapeLike } from '../deals/deal-filters';
import { companyIsReturning } from './client-status';
import { listClientsInput, type ClientFilters, type ListClientsInput } from './schemas';

/** Companies the actor may see, narrowed by owner, status and a search by name, INN, phone or e-mail. */
export function companyConditions(actor: SessionUser, filters: ClientFilters): SQL {
  const conditions: (SQL | undefined)[] = [ownedWithin(actor, companies.ownerId)];
  if (filters.ownerId) conditions.push(eq(companies.ownerId, filters.ownerId));
  if (filters.status) conditions.push(filters.status === 'returning' ? companyIsReturning : not(companyIsReturning));
  if (filters.search) {
    const text = filters.search.trim();
    const phone = normalizePhone(text);
    conditions.push(
      or(
        ilike(companies.name, escapeLike(text)),
        eq(companies.inn, text),
        sql`${text.toLowerCase()} = any(${companies.emailsNormalized})`,
        phone ? sql`${phone} = any(${companies.phonesNormalized})` : undefined,
      ),
    );
  }
  return and(...conditions)!;
}

/** The company rows of the list and its export, in the requested order. */
export function companyRows(ctx: ServiceContext, filters: ClientFilters) {
  const sortColumn = filters.sort.field === 'name' ? companies.name : companies.createdAt;
  return ctx.db
    .select({
      id: companies.id,
      name: companies.name,
      inn: companies.inn,
      industry: companies.industry,
      region: companies.region,
      segment: companies.segment,
      address: companies.address,
      phones: companies.phones,
      emails: companies.emails,
      ownerName: users.name,
      isReturning: companyIsReturning,
      createdAt: companies.createdAt,
    })
    .from(companies)
    .innerJoin(users, eq(users.id, companies.ownerId))
    .where(companyConditions(ctx.actor, filters))
    .orderBy(filters.sort.direction === 'asc' ? asc(sortColumn) : desc(sortColumn), asc(companies.id))
    .$dynamic();
}

/** One page of the companies the actor may see. */
export async function listCompanies(ctx: ServiceContext, rawInput: ListClientsInput) {
  const input = listClientsInput.parse(rawInput);
  const [items, [totals]] = await Promise.all([
    companyRows(ctx, input).limit(input.pageSize).offset((input.page - 1) * input.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(companies).where(companyConditions(ctx.actor, input)),
  ]);
  // Phones are formatted here, so list pages need no phone library in the browser.
  const withPhones = items.map((item) => ({ ...item, phoneDisplay: item.phones[0] ? formatPhone(item.phones[0]) : null }));
  return { items: withPhones, total: totals?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
