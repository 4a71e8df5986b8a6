import { getLocale } from 'next-intl/server';
import { reportExportResponse } from '@/server/http/report-export-response';
import { createRequestContext } from '@/server/trpc/request-context';

/** GET /api/export/report/{funnel|snapshot|conversion|activity|churn|sources|losses|receivables}?format=csv|xlsx&<report filters> */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }) {
  const { report } = await params;
  const context = await createRequestContext();
  const locale = (await getLocale()) === 'en' ? 'en' : 'ru';
  return reportExportResponse(context, report, new URL(request.url).searchParams, locale);
}
