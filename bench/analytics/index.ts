import type { ReportBenchCase } from './case';

/** Every report the analytics benchmark measures, in menu order. */
export const REPORT_CASES: ReportBenchCase[] = [];
