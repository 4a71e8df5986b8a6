import { getLocale } from 'next-intl/server';
import { exportDeals } from '@/server/services/deals/export-deals';
import type { ExportDealsInput } from '@/server/services/deals/schemas';
import { respondWithFile } from '@/server/http/file-response';
import { parseJsonParam, serviceErrorResponse } from '@/server/http/service-response';
import { createRequestContext } from '@/server/trpc/request-context';

/** GET /api/export/deals?format=csv|xlsx&filters={…}&sort={…}: the deals list as a file. */
export async function GET(request: Request) {
  const { db, user } = await createRequestContext();
  if (!user) return Response.json({ error: 'Sign in first' }, { status: 401 });
  const params = new URL(request.url).searchParams;
  try {
    // Unchecked here on purpose: the service validates its input and names bad fields.
    const input = {
      format: params.get('format'),
      filters: parseJsonParam(params, 'filters'),
      sort: parseJsonParam(params, 'sort'),
    } as ExportDealsInput;
    const file = await exportDeals(
      { db, actor: user },
      input,
      user.locale ?? ((await getLocale()) === 'en' ? 'en' : 'ru'),
    );
    return respondWithFile(file);
  } catch (error) {
    return serviceErrorResponse(error);
  }
}
