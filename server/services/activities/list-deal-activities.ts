import { and, desc, eq, sql } from 'drizzle-orm';
import { activities, deals, users } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { timelineColumns } from './timeline-columns';

/**
 * The timeline of a deal the actor may see: all its activities, whoever logged them (a head's
 * control task on a manager's deal belongs to the deal's story too), newest first.
 */
export async function listDealActivities(ctx: ServiceContext, input: { dealId: number; limit?: number }) {
  const [visible] = await ctx.db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.id, input.dealId), ownedWithin(ctx.actor, deals.ownerId)));
  if (!visible) throw notFound('Deal');
  return ctx.db
    .select(timelineColumns)
    .from(activities)
    .innerJoin(users, eq(users.id, activities.ownerId))
    .where(eq(activities.dealId, input.dealId))
    .orderBy(desc(sql`coalesce(${activities.doneAt}, ${activities.dueAt}, ${activities.createdAt})`), desc(activities.id))
    .limit(input.limit ?? 200);
}
