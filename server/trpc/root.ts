import { router, createCallerFactory } from './init';
import { dealsRouter } from '@/server/routers/deals';
import { profileRouter } from '@/server/routers/profile';

export const appRouter = router({
  deals: dealsRouter,
  profile: profileRouter,
});

export type AppRouter = typeof appRouter;

/** In-process caller: server components and tests call procedures without HTTP. */
export const createCaller = createCallerFactory(appRouter);
