import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { companies, contacts, deals, pipelines, stages, users } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { dealTextSearch } from './deal-filters';
import { notFound } from '../errors';
import {
  boardColumnInput,
  boardInput,
  type BoardColumnInput,
  type BoardInput,
} from './schemas';

const owners = alias(users, 'owner');

type BoardFilterValues = { pipelineId: number; ownerId?: number; sourceId?: number; search?: string };

/** Open deals of one pipeline that the actor may see, narrowed by the board's filters. */
function boardConditions(ctx: ServiceContext, filters: BoardFilterValues): SQL {
  const conditions: SQL[] = [
    eq(deals.pipelineId, filters.pipelineId),
    eq(deals.status, 'open'),
    ownedWithin(ctx.actor, deals.ownerId),
  ];
  if (filters.ownerId) conditions.push(eq(deals.ownerId, filters.ownerId));
  if (filters.sourceId) conditions.push(eq(deals.sourceId, filters.sourceId));
  if (filters.search) conditions.push(dealTextSearch(filters.search));
  return and(...conditions)!;
}

/** The card fields; deals without an open task come first, then by the next task's due date. */
async function cardsOf(ctx: ServiceContext, where: SQL, offset: number, limit: number) {
  return ctx.db
    .select({
      id: deals.id,
      version: deals.version,
      title: deals.title,
      stageId: deals.stageId,
      amount: deals.amount,
      currency: deals.currency,
      ownerId: deals.ownerId,
      ownerName: owners.name,
      clientName: sql<string | null>`coalesce(${companies.name}, nullif(concat_ws(' ', ${contacts.lastName}, ${contacts.firstName}), ''))`,
      nextTaskDueAt: deals.nextTaskDueAt,
      openTaskCount: deals.openTaskCount,
      stageEnteredAt: deals.stageEnteredAt,
    })
    .from(deals)
    .innerJoin(owners, eq(owners.id, deals.ownerId))
    .leftJoin(companies, eq(companies.id, deals.companyId))
    .leftJoin(contacts, eq(contacts.id, deals.contactId))
    .where(where)
    .orderBy(sql`${deals.nextTaskDueAt} asc nulls first`, asc(deals.id))
    .offset(offset)
    .limit(limit);
}

export type BoardCard = Awaited<ReturnType<typeof cardsOf>>[number];

/**
 * The kanban of one pipeline: every stage with its count and amount totals, and the first page
 * of cards of each open stage (later pages come from boardColumn, so hundreds of deals stay light).
 */
export async function getBoard(ctx: ServiceContext, rawInput: BoardInput) {
  const input = boardInput.parse(rawInput);
  const [pipeline] = await ctx.db
    .select({ id: pipelines.id, name: pipelines.name })
    .from(pipelines)
    .where(eq(pipelines.id, input.pipelineId));
  if (!pipeline) throw notFound('Pipeline');
  const where = boardConditions(ctx, input);
  const [stageRows, totals] = await Promise.all([
    ctx.db
      .select({ id: stages.id, name: stages.name, kind: stages.kind, sortOrder: stages.sortOrder, probability: stages.probability })
      .from(stages)
      .where(and(eq(stages.pipelineId, input.pipelineId), eq(stages.isArchived, false)))
      .orderBy(asc(stages.sortOrder)),
    ctx.db
      .select({
        stageId: deals.stageId,
        count: sql<number>`count(*)::int`,
        amount: sql<string>`coalesce(sum(${deals.amount}), 0)::numeric(16,2)::text`,
      })
      .from(deals)
      .where(where)
      .groupBy(deals.stageId),
  ]);
  const totalsByStage = new Map(totals.map((row) => [row.stageId, row]));
  const openStages = stageRows.filter((stage) => stage.kind === 'open');
  const columns = await Promise.all(
    openStages.map(async (stage) => ({
      stage,
      count: totalsByStage.get(stage.id)?.count ?? 0,
      amount: totalsByStage.get(stage.id)?.amount ?? '0.00',
      cards: (totalsByStage.get(stage.id)?.count ?? 0) === 0
        ? []
        : await cardsOf(ctx, and(where, eq(deals.stageId, stage.id))!, 0, input.perColumn),
    })),
  );
  return {
    pipeline,
    columns,
    wonStage: stageRows.find((stage) => stage.kind === 'won') ?? null,
    lostStage: stageRows.find((stage) => stage.kind === 'lost') ?? null,
  };
}

/** A further page of one column's cards, with the same filters as the board. */
export async function getBoardColumn(ctx: ServiceContext, rawInput: BoardColumnInput) {
  const input = boardColumnInput.parse(rawInput);
  const where = and(boardConditions(ctx, input), eq(deals.stageId, input.stageId))!;
  return { cards: await cardsOf(ctx, where, input.offset, input.limit) };
}
