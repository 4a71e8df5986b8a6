import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { reportFilters } from '@/server/services/analytics/report-filters';
import { activityReport } from '@/server/services/analytics/activity-report';

/** Activity per manager (issue 7): the service also refuses managers and keeps heads to their team. */
export const analyticsActivityRouter = router({
  activity: roleProcedure('head', 'executive', 'admin')
    .input(reportFilters)
    .query(({ ctx, input }) => callService(() => activityReport(ctx.service, input))),
});
