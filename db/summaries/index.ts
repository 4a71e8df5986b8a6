import type { SummaryTable } from './summary';
import { stageStays } from './stage-stays';

/** Every summary table, rebuilt in this order by `npm run db:repair-summaries`. */
export const SUMMARY_TABLES: SummaryTable[] = [stageStays];
