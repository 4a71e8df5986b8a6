import { router } from '@/server/trpc/init';
import { authedProcedure, operationalProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import {
  boardColumnInput,
  boardInput,
  createDealInput,
  dealByIdInput,
  listDealsInput,
  moveDealInput,
  reassignDealInput,
  reopenDealInput,
  updateDealInput,
} from '@/server/services/deals/schemas';
import { listDeals } from '@/server/services/deals/list-deals';
import { getDeal } from '@/server/services/deals/get-deal';
import { updateDeal } from '@/server/services/deals/update-deal';
import { moveDealToStage } from '@/server/services/deals/move-deal';
import { reopenDeal } from '@/server/services/deals/reopen-deal';
import { createDeal } from '@/server/services/deals/create-deal';
import { getBoard, getBoardColumn } from '@/server/services/deals/board';
import { getDealStageHistory } from '@/server/services/deals/deal-history';
import { reassignDeal } from '@/server/services/deals/reassign-deal';
import { listDealActivities } from '@/server/services/activities/list-deal-activities';

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
  stageHistory: authedProcedure
    .input(dealByIdInput)
    .query(({ ctx, input }) => callService(() => getDealStageHistory(ctx.service, input))),
  activities: authedProcedure
    .input(dealByIdInput)
    .query(({ ctx, input }) => callService(() => listDealActivities(ctx.service, { dealId: input.id }))),
  reassign: operationalProcedure
    .input(reassignDealInput)
    .mutation(({ ctx, input }) => callService(() => reassignDeal(ctx.service, input))),
  create: operationalProcedure
    .input(createDealInput)
    .mutation(({ ctx, input }) => callService(() => createDeal(ctx.service, input))),
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
