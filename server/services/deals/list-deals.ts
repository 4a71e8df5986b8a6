import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { companies, contacts, deals, pipelines, stages, users } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { listDealsInput, type ListDealsInput } from './schemas';

const owners = alias(users, 'owner');

const SORT_COLUMNS = {
  createdAt: deals.createdAt,
  amount: deals.amount,
  title: deals.title,
  expectedCloseDate: deals.expectedCloseDate,
} as const;

/** One page of the deals the actor may see, newest first by default, with the total for paging. */
export async function listDeals({ db, actor }: ServiceContext, rawInput: ListDealsInput) {
  const input = listDealsInput.parse(rawInput);
  const conditions: SQL[] = [ownedWithin(actor, deals.ownerId)];
  if (input.status) conditions.push(eq(deals.status, input.status));
  if (input.pipelineId) conditions.push(eq(deals.pipelineId, input.pipelineId));
  if (input.ownerId) conditions.push(eq(deals.ownerId, input.ownerId));
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(deals.title, pattern), ilike(companies.name, pattern))!);
  }
  const where = and(...conditions);
  const sortColumn = SORT_COLUMNS[input.sort.field];
  const order = input.sort.direction === 'asc' ? asc(sortColumn) : desc(sortColumn);

  const [items, [totals]] = await Promise.all([
    db
      .select({
        id: deals.id,
        title: deals.title,
        amount: deals.amount,
        currency: deals.currency,
        status: deals.status,
        stageName: stages.name,
        pipelineName: pipelines.name,
        ownerId: deals.ownerId,
        ownerName: owners.name,
        companyName: companies.name,
        contactName: sql<string | null>`nullif(concat_ws(' ', ${contacts.lastName}, ${contacts.firstName}), '')`,
        expectedCloseDate: deals.expectedCloseDate,
        nextTaskDueAt: deals.nextTaskDueAt,
        createdAt: deals.createdAt,
      })
      .from(deals)
      .innerJoin(stages, eq(stages.id, deals.stageId))
      .innerJoin(pipelines, eq(pipelines.id, deals.pipelineId))
      .innerJoin(owners, eq(owners.id, deals.ownerId))
      .leftJoin(companies, eq(companies.id, deals.companyId))
      .leftJoin(contacts, eq(contacts.id, deals.contactId))
      .where(where)
      .orderBy(order, desc(deals.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(deals)
      .leftJoin(companies, eq(companies.id, deals.companyId))
      .where(where),
  ]);
  return { items, total: totals?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
