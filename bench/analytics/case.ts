import type { SQL } from 'drizzle-orm';
import type { SessionUser } from '@/server/auth/session-user';
import type { ServiceContext } from '@/server/services/context';
import type { ReportFiltersInput } from '@/server/services/analytics/report-filters';

/** What a hand-written query may need to know about the run: the scope and the period. */
export interface BenchScope {
  actor: SessionUser;
  /** The team a head's report is limited to (null: the whole organisation). */
  teamId: number | null;
  /** The 12 months measured, half-open org-local dates, and the instants they begin. */
  from: string;
  to: string;
  fromAt: string;
  toAt: string;
  timeZone: string;
}

/**
 * One report in the analytics benchmark (bench/analytics.ts): the report through its service, as
 * the server runs it, next to the best hand-written SQL for the same figures on the same data.
 */
export interface ReportBenchCase {
  report: string;
  run(ctx: ServiceContext, filters: ReportFiltersInput): Promise<unknown>;
  /**
   * The statements a skilled engineer would write by hand for the same figures, run in order:
   * over the leads, deals, history and activity rows with every column and index they have
   * (stored ones such as furthest_stage_order, left_at or lost_from_stage_id included), but not
   * the summary tables that exist only for the reports — those are what the service adds.
   */
  handWritten(scope: BenchScope): SQL[];
}
