import { eq, sql } from 'drizzle-orm';
import { companies, contacts, deals, leadSources, pipelines, stages } from '@/db/schema';
import type { ServiceContext } from '../context';
import { dealConditions, dealOrder, dealOwner as owners } from './deal-filters';
import { listDealsInput, type DealFilters, type ListDealsInput } from './schemas';

/** The row of the deals list and of its export. */
export function dealRowsQuery(ctx: ServiceContext, filters: DealFilters) {
  return ctx.db
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
      sourceNameRu: leadSources.nameRu,
      sourceNameEn: leadSources.nameEn,
      expectedCloseDate: deals.expectedCloseDate,
      closedAt: deals.closedAt,
      nextTaskDueAt: deals.nextTaskDueAt,
      isRepeat: deals.isRepeat,
      createdAt: deals.createdAt,
    })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .innerJoin(pipelines, eq(pipelines.id, deals.pipelineId))
    .innerJoin(owners, eq(owners.id, deals.ownerId))
    .leftJoin(companies, eq(companies.id, deals.companyId))
    .leftJoin(contacts, eq(contacts.id, deals.contactId))
    .leftJoin(leadSources, eq(leadSources.id, deals.sourceId))
    .where(dealConditions(ctx.actor, filters))
    .$dynamic();
}

/** One page of the deals the actor may see, with the total for paging. */
export async function listDeals(ctx: ServiceContext, rawInput: ListDealsInput) {
  const input = listDealsInput.parse(rawInput);
  const [items, [totals]] = await Promise.all([
    dealRowsQuery(ctx, input.filters)
      .orderBy(...dealOrder(input.sort.field, input.sort.direction))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db
      .select({ total: sql<number>`count(*)::int` })
      .from(deals)
      .where(dealConditions(ctx.actor, input.filters)),
  ]);
  return { items, total: totals?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
