import { clientSpellsSummary } from './client-spells';
import type { SummaryTable } from './summary';

/** Every summary table, rebuilt in this order by `npm run db:repair-summaries`. */
export const SUMMARY_TABLES: SummaryTable[] = [clientSpellsSummary];
