import { activityCase } from './activity';
import type { ReportBenchCase } from './case';
import { churnCase } from './churn';
import { funnelCase, snapshotCase } from './funnel';
import { receivablesCase } from './receivables';
import { conversionCase, lossesCase, sourcesCase } from './sales';

/** Every report the analytics benchmark measures, in menu order. */
export const REPORT_CASES: ReportBenchCase[] = [funnelCase, snapshotCase, conversionCase, activityCase, churnCase, sourcesCase, lossesCase, receivablesCase];
