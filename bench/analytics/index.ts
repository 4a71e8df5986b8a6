import type { ReportBenchCase } from './case';
import { churnCase } from './churn';

/** Every report the analytics benchmark measures, in menu order. */
export const REPORT_CASES: ReportBenchCase[] = [churnCase];
