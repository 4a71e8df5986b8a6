import { mergeRouters } from '@/server/trpc/init';
import { analyticsFunnelRouter } from './analytics-funnel';
import { analyticsSalesRouter } from './analytics-sales';

/** The analytics area's reports under one `analytics.*` namespace. */
export const analyticsRouter = mergeRouters(analyticsFunnelRouter, analyticsSalesRouter);
