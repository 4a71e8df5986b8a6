import type { ReportBenchCase } from './case';
import { receivablesCase } from './receivables';

/** Every report the analytics benchmark measures, in menu order. */
export const REPORT_CASES: ReportBenchCase[] = [receivablesCase];
