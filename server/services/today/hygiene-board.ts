import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { deals, teams, users } from '@/db/schema';
import { ownedWithin, rowScopeOf } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { HYGIENE_GROUPS, hygieneCondition } from './hygiene-rules';

export const hygieneBoardInput = z.object({ teamId: z.number().int().positive().optional() });
export const hygieneDealsInput = z.object({
  ownerId: z.number().int().positive(),
  group: z.enum(HYGIENE_GROUPS),
});

function requireBoardReader(ctx: ServiceContext) {
  if (!['head', 'executive', 'admin'].includes(ctx.actor.role)) {
    throw new ServiceError('FORBIDDEN', 'The hygiene board is for heads of sales and executives');
  }
}

/**
 * Pipeline hygiene per manager (DESIGN.md §3): the three end-of-day counts for each active
 * manager of the team (a head: own team; an executive or admin: any team, or all).
 */
export async function getHygieneBoard(ctx: ServiceContext, rawInput: z.input<typeof hygieneBoardInput> = {}, options: { now?: Date } = {}) {
  requireBoardReader(ctx);
  const input = hygieneBoardInput.parse(rawInput);
  const now = options.now ?? new Date();
  const scope = rowScopeOf(ctx.actor);
  const teamId = scope.kind === 'team' ? scope.teamId : input.teamId;
  const members = await ctx.db
    .select({ id: users.id, name: users.name, role: users.role, teamId: users.teamId, teamName: teams.name })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.isActive, true), inArray(users.role, ['manager', 'head']), teamId ? eq(users.teamId, teamId) : undefined))
    .orderBy(asc(teams.name), asc(users.name));
  const counts = await ctx.db
    .select({
      ownerId: deals.ownerId,
      unprocessed: sql<number>`(count(*) filter (where ${hygieneCondition('unprocessed', now)}))::int`,
      withoutTask: sql<number>`(count(*) filter (where ${hygieneCondition('withoutTask', now)}))::int`,
      overdueTask: sql<number>`(count(*) filter (where ${hygieneCondition('overdueTask', now)}))::int`,
    })
    .from(deals)
    .where(
      and(
        eq(deals.status, 'open'),
        ownedWithin(ctx.actor, deals.ownerId),
        inArray(deals.ownerId, members.length ? members.map((m) => m.id) : [0]),
      ),
    )
    .groupBy(deals.ownerId);
  const byOwner = new Map(counts.map((row) => [row.ownerId, row]));
  const rows = members.map((member) => {
    const found = byOwner.get(member.id);
    return {
      ...member,
      unprocessed: found?.unprocessed ?? 0,
      withoutTask: found?.withoutTask ?? 0,
      overdueTask: found?.overdueTask ?? 0,
    };
  });
  return {
    rows,
    totals: {
      unprocessed: rows.reduce((sum, r) => sum + r.unprocessed, 0),
      withoutTask: rows.reduce((sum, r) => sum + r.withoutTask, 0),
      overdueTask: rows.reduce((sum, r) => sum + r.overdueTask, 0),
    },
  };
}

/** The deals behind one count of the board (drill-down), within the reader's scope. */
export async function listHygieneDeals(ctx: ServiceContext, rawInput: z.input<typeof hygieneDealsInput>, options: { now?: Date } = {}) {
  requireBoardReader(ctx);
  const input = hygieneDealsInput.parse(rawInput);
  const now = options.now ?? new Date();
  return ctx.db
    .select({ id: deals.id, title: deals.title, amount: deals.amount, currency: deals.currency, nextTaskDueAt: deals.nextTaskDueAt, createdAt: deals.createdAt, ownerId: deals.ownerId, version: deals.version })
    .from(deals)
    .where(and(eq(deals.ownerId, input.ownerId), ownedWithin(ctx.actor, deals.ownerId), hygieneCondition(input.group, now)))
    .orderBy(asc(deals.createdAt))
    .limit(200);
}
