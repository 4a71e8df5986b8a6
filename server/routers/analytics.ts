import { mergeRouters, router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { describeFiltersInput, describeReportFilters } from '@/server/services/analytics/describe-filters';
import { analyticsActivityRouter } from './analytics-activity';
import { analyticsChurnRouter } from './analytics-churn';
import { analyticsFunnelRouter } from './analytics-funnel';
import { analyticsHomeRouter } from './analytics-home';
import { analyticsReceivablesRouter } from './analytics-receivables';
import { analyticsSalesRouter } from './analytics-sales';

const analyticsCommonRouter = router({
  describeFilters: roleProcedure('head', 'executive', 'admin')
    .input(describeFiltersInput)
    .query(({ ctx, input }) => callService(() => describeReportFilters(ctx.service, input))),
});

/** The analytics area's reports under one `analytics.*` namespace. */
export const analyticsRouter = mergeRouters(analyticsCommonRouter, analyticsFunnelRouter, analyticsSalesRouter, analyticsActivityRouter, analyticsChurnRouter, analyticsReceivablesRouter, analyticsHomeRouter);
