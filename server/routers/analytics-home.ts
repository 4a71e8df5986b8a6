import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { executiveHome, executiveHomeInput } from '@/server/services/analytics/executive-home';

/** The analytics area's start page: the service keeps a head to the own team and refuses managers. */
export const analyticsHomeRouter = router({
  home: roleProcedure('head', 'executive', 'admin')
    .input(executiveHomeInput)
    .query(({ ctx, input }) => callService(() => executiveHome(ctx.service, input))),
});
