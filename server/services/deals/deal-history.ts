import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { dealStageHistory, deals, stages, users } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';

const fromStages = alias(stages, 'from_stage');
const toStages = alias(stages, 'to_stage');

/** Every stage change of a deal in the actor's scope, oldest first. */
export async function getDealStageHistory(ctx: ServiceContext, input: { id: number }) {
  const [visible] = await ctx.db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.id, input.id), ownedWithin(ctx.actor, deals.ownerId)));
  if (!visible) throw notFound('Deal');
  return ctx.db
    .select({
      id: dealStageHistory.id,
      fromStageName: fromStages.name,
      toStageName: toStages.name,
      toStageKind: toStages.kind,
      changedByName: users.name,
      changedAt: dealStageHistory.changedAt,
    })
    .from(dealStageHistory)
    .leftJoin(fromStages, eq(fromStages.id, dealStageHistory.fromStageId))
    .innerJoin(toStages, eq(toStages.id, dealStageHistory.toStageId))
    .leftJoin(users, eq(users.id, dealStageHistory.changedBy))
    .where(eq(dealStageHistory.dealId, input.id))
    .orderBy(asc(dealStageHistory.changedAt), asc(dealStageHistory.id));
}
