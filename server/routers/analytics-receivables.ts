import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { reportFilters } from '@/server/services/analytics/report-filters';
import { receivablesReport } from '@/server/services/analytics/receivables';

/** Receivables (issue 7): the service also refuses managers and keeps heads to their team. */
export const analyticsReceivablesRouter = router({
  receivables: roleProcedure('head', 'executive', 'admin')
    .input(reportFilters)
    .query(({ ctx, input }) => callService(() => receivablesReport(ctx.service, input))),
});
