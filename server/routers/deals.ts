import { router } from '@/server/trpc/init';
import { authedProcedure, operationalProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import {
  boardColumnInput,
  boardInput,
  dealByIdInput,
  listDealsInput,
  moveDealInput,
  reopenDealInput,
  updateDealInput,
} from '@/server/services/deals/schemas';
import { listDeals } from '@/server/services/deals/list-deals';
import { getDeal } from '@/server/services/deals/get-deal';
import { updateDeal } from '@/server/services/deals/update-deal';
import { moveDealToStage } from '@/server/services/deals/move-deal';
import { reopenDeal } from '@/server/services/deals/reopen-deal';
import { getBoard, getBoardColumn } from '@/server/services/deals/board';

export const dealsRouter = router({
  list: authedProcedure
    .input(listDealsInput)
    .query(({ ctx, input }) => callService(() => listDeals(ctx.service, input))),
  board: authedProcedure
    .input(boardInput)
    .query(({ ctx, input }) => callService(() => getBoard(ctx.service, input))),
  boardColumn: authedProcedure
    .input(boardColumnInput)
    .query(({ ctx, input }) => callService(() => getBoardColumn(ctx.service, input))),
  byId: authedProcedure
    .input(dealByIdInput)
    .query(({ ctx, input }) => callService(() => getDeal(ctx.service, input))),
  update: operationalProcedure
    .input(updateDealInput)
    .mutation(({ ctx, input }) => callService(() => updateDeal(ctx.service, input))),
  move: operationalProcedure
    .input(moveDealInput)
    .mutation(({ ctx, input }) => callService(() => moveDealToStage(ctx.service, input))),
  reopen: operationalProcedure
    .input(reopenDealInput)
    .mutation(({ ctx, input }) => callService(() => reopenDeal(ctx.service, input))),
});
