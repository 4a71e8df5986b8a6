import { router } from '@/server/trpc/init';
import { authedProcedure, roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { getToday } from '@/server/services/today/get-today';
import { getHygieneBoard, hygieneBoardInput, hygieneDealsInput, listHygieneDeals } from '@/server/services/today/hygiene-board';

export const todayRouter = router({
  get: authedProcedure.query(({ ctx }) => callService(() => getToday(ctx.service))),
});

export const hygieneRouter = router({
  board: roleProcedure('head', 'executive', 'admin')
    .input(hygieneBoardInput)
    .query(({ ctx, input }) => callService(() => getHygieneBoard(ctx.service, input))),
  deals: roleProcedure('head', 'executive', 'admin')
    .input(hygieneDealsInput)
    .query(({ ctx, input }) => callService(() => listHygieneDeals(ctx.service, input))),
});
