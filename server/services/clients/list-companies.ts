import { and, asc, desc, eq, ilike, not, or, sql, type SQL } from 'drizzle-orm';
import { companies, users } from '@/db/schema';
import { normalizePhone } from '@/lib/phone';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { escapeLike } from '../deals/deal-filters';
import { companyIsReturning } from './client-status';
import { listClientsInput, type ListClientsInput } from './schemas';

/** One page of the companies the actor may see; search by name, INN, phone or e-mail. */
export async function listCompanies(ctx: ServiceContext, rawInput: ListClientsInput) {
  const input = listClientsInput.parse(rawInput);
  const conditions: (SQL | undefined)[] = [ownedWithin(ctx.actor, companies.ownerId)];
  if (input.ownerId) conditions.push(eq(companies.ownerId, input.ownerId));
  if (input.status) conditions.push(input.status === 'returning' ? companyIsReturning : not(companyIsReturning));
  if (input.search) {
    const pattern = escapeLike(input.search);
    const phone = normalizePhone(input.search);
    conditions.push(
      or(
        ilike(companies.name, pattern),
        eq(companies.inn, input.search.trim()),
        sql`${input.search.trim().toLowerCase()} = any(${companies.emailsNormalized})`,
        phone ? sql`${phone} = any(${companies.phonesNormalized})` : undefined,
      ),
    );
  }
  const where = and(...conditions);
  const sortColumn = input.sort.field === 'name' ? companies.name : companies.createdAt;
  const [items, [totals]] = await Promise.all([
    ctx.db
      .select({
        id: companies.id,
        name: companies.name,
        inn: companies.inn,
        industry: companies.industry,
        region: companies.region,
        segment: companies.segment,
        phones: companies.phones,
        ownerName: users.name,
        isReturning: companyIsReturning,
        createdAt: companies.createdAt,
      })
      .from(companies)
      .innerJoin(users, eq(users.id, companies.ownerId))
      .where(where)
      .orderBy(input.sort.direction === 'asc' ? asc(sortColumn) : desc(sortColumn), asc(companies.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(companies).where(where),
  ]);
  return { items, total: totals?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
