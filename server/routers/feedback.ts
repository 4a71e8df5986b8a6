import { router } from '@/server/trpc/init';
import { authedProcedure, operationalProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { companyRef, createFeedbackInput, dealRef } from '@/server/services/documents/schemas';
import { createFeedback, listCompanyFeedback, listDealFeedback } from '@/server/services/documents/feedback';

/** Clients' reviews after delivery. */
export const feedbackRouter = router({
  byDeal: authedProcedure.input(dealRef).query(({ ctx, input }) => callService(() => listDealFeedback(ctx.service, input))),
  byCompany: authedProcedure
    .input(companyRef)
    .query(({ ctx, input }) => callService(() => listCompanyFeedback(ctx.service, input))),
  create: operationalProcedure.input(createFeedbackInput).mutation(({ ctx, input }) => callService(() => createFeedback(ctx.service, input))),
});
