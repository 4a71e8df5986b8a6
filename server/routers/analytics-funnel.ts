import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { reportFilters } from '@/server/services/analytics/report-filters';
import { dealFunnel } from '@/server/services/analytics/funnel';
import { pipelineSnapshot } from '@/server/services/analytics/pipeline-snapshot';

const analyticsReader = roleProcedure('head', 'executive', 'admin');

/** Funnel and pipeline snapshot reports (DESIGN.md §5); the services check scope and compute. */
export const analyticsFunnelRouter = router({
  funnel: analyticsReader.input(reportFilters).query(({ ctx, input }) => callService(() => dealFunnel(ctx.service, input))),
  snapshot: analyticsReader.input(reportFilters).query(({ ctx, input }) => callService(() => pipelineSnapshot(ctx.service, input))),
});
