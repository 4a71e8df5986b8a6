import { activityDaily, leadResponseDaily } from './activity-daily';
import { clientSpellsSummary } from './client-spells';
import type { SummaryTable } from './summary';
import {
  dealCohortMonthlySummary,
  dealLossMonthlySummary,
  dealOutcomeMonthlySummary,
  invoiceFlowMonthlySummary,
  leadMonthlySummary,
  stageStayMonthlySummary,
} from './report-monthly';
import { stageStays } from './stage-stays';

/** Every summary table, rebuilt in this order by `npm run db:repair-summaries`. */
export const SUMMARY_TABLES: SummaryTable[] = [
  stageStays,
  leadMonthlySummary,
  dealOutcomeMonthlySummary,
  dealLossMonthlySummary,
  dealCohortMonthlySummary,
  stageStayMonthlySummary,
  invoiceFlowMonthlySummary,
  activityDaily,
  leadResponseDaily,
  clientSpellsSummary,
];
