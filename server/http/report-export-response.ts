import type { Locale } from '@/db/schema/enums';
import { REPORTS, type ReportKey } from '@/lib/analytics/reports';
import type { SessionUser } from '@/server/auth/session-user';
import type { Database } from '@/db/client';
import { exportReport } from '@/server/services/export/report-export';
import type { ExportFormat } from '@/server/services/export/formats';
import type { ReportFiltersInput } from '@/server/services/analytics/report-filters';
import { respondWithFile } from './file-response';
import { serviceErrorResponse } from './service-response';

const ID_KEYS = ['pipelineId', 'teamId', 'ownerId', 'sourceId'] as const;

/**
 * Report filters from query params, passed on for the service to validate (a malformed id or
 * date is named in a 400, not silently dropped as the page does).
 */
export function reportFiltersFromQuery(params: URLSearchParams): ReportFiltersInput {
  const filters: Record<string, unknown> = {};
  const period = params.get('period');
  if (period) filters.period = period;
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  for (const key of ID_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = /^\d+$/.test(value) ? Number(value) : value;
  }
  return filters as ReportFiltersInput;
}

/**
 * GET /api/export/report/{report}?format=csv|xlsx&period=…&from=…&to=…&pipelineId=…&teamId=…&ownerId=…&sourceId=…
 * The download, or the error as JSON: 401 without a session, 404 for an unknown report, 403 for a
 * manager or a head asking for another team (the report services decide), 400 for bad filters.
 */
export async function reportExportResponse(
  context: { db: Database; reportDb?: Database; user: SessionUser | null },
  report: string,
  params: URLSearchParams,
  locale: Locale,
  options: { now?: Date } = {},
): Promise<Response> {
  if (!REPORTS.includes(report as ReportKey)) return Response.json({ error: 'No such report' }, { status: 404 });
  if (!context.user) return Response.json({ error: 'Sign in first' }, { status: 401 });
  const format = params.get('format') ?? 'xlsx';
  if (format !== 'csv' && format !== 'xlsx') return Response.json({ error: 'format: csv or xlsx' }, { status: 400 });
  try {
    const file = await exportReport(
      { db: context.db, reportDb: context.reportDb, actor: context.user },
      { report: report as ReportKey, format: format as ExportFormat, filters: reportFiltersFromQuery(params) },
      context.user.locale ?? locale,
      options,
    );
    return respondWithFile(file);
  } catch (error) {
    return serviceErrorResponse(error);
  }
}
