import { analyticsFunnelRouter } from './analytics-funnel';

/** The analytics area's reports under one `analytics.*` namespace. */
export const analyticsRouter = analyticsFunnelRouter;
