import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { reportFilters } from '@/server/services/analytics/report-filters';
import { churnReport } from '@/server/services/analytics/churn';

/** Churn (issue 7): the service also refuses managers and keeps heads to their team. */
export const analyticsChurnRouter = router({
  churn: roleProcedure('head', 'executive', 'admin')
    .input(reportFilters)
    .query(({ ctx, input }) => callService(() => churnReport(ctx.service, input))),
});
