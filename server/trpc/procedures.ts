import { TRPCError } from '@trpc/server';
import type { Role } from '@/db/schema';
import type { ServiceContext } from '@/server/services/context';
import { baseProcedure } from './init';

export const publicProcedure = baseProcedure;

/**
 * Requires an active signed-in user, narrows ctx.user once (handlers never null-check it) and
 * hands routers the service context ({ db, actor }) that every service action takes.
 */
export const authedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  const service: ServiceContext = { db: ctx.db, reportDb: ctx.reportDb, actor: ctx.user };
  return next({ ctx: { ...ctx, user: ctx.user, service } });
});

/** Only the listed roles pass. */
export function roleProcedure(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role may not do this' });
    }
    return next();
  });
}

/** Operational changes: every role except the read-only executive. */
export const operationalProcedure = roleProcedure('manager', 'head', 'admin');
