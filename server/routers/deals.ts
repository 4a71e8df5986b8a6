import { router } from '@/server/trpc/init';
import { authedProcedure, operationalProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { dealByIdInput, listDealsInput, updateDealInput } from '@/server/services/deals/schemas';
import { listDeals } from '@/server/services/deals/list-deals';
import { getDeal } from '@/server/services/deals/get-deal';
import { updateDeal } from '@/server/services/deals/update-deal';

export const dealsRouter = router({
  list: authedProcedure
    .input(listDealsInput)
    .query(({ ctx, input }) => callService(() => listDeals(ctx.service, input))),
  byId: authedProcedure
    .input(dealByIdInput)
    .query(({ ctx, input }) => callService(() => getDeal(ctx.service, input))),
  update: operationalProcedure
    .input(updateDealInput)
    .mutation(({ ctx, input }) => callService(() => updateDeal(ctx.service, input))),
});
