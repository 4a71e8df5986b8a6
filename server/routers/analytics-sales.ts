import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { reportFilters } from '@/server/services/analytics/report-filters';
import { conversionReport } from '@/server/services/analytics/conversion';
import { sourcesReport } from '@/server/services/analytics/sources-report';
import { lossReasonsReport } from '@/server/services/analytics/loss-reasons';

/** Leadership analytics (issue 7): the services also refuse managers and keep heads to their team. */
const analyticsProcedure = roleProcedure('head', 'executive', 'admin');

export const analyticsSalesRouter = router({
  conversion: analyticsProcedure.input(reportFilters).query(({ ctx, input }) => callService(() => conversionReport(ctx.service, input))),
  sources: analyticsProcedure.input(reportFilters).query(({ ctx, input }) => callService(() => sourcesReport(ctx.service, input))),
  lossReasons: analyticsProcedure.input(reportFilters).query(({ ctx, input }) => callService(() => lossReasonsReport(ctx.service, input))),
});
