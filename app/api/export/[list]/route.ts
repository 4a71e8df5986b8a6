import { getLocale } from 'next-intl/server';
import type { Locale } from '@/db/schema/enums';
import { exportClients } from '@/server/services/clients/export-clients';
import type { ExportClientsInput } from '@/server/services/clients/schemas';
import { exportDeals } from '@/server/services/deals/export-deals';
import type { ExportDealsInput } from '@/server/services/deals/schemas';
import type { ServiceContext } from '@/server/services/context';
import { respondWithFile } from '@/server/http/file-response';
import { parseJsonParam, serviceErrorResponse } from '@/server/http/service-response';
import { createRequestContext } from '@/server/trpc/request-context';

/**
 * GET /api/export/deals?format=csv|xlsx&filters={…}&sort={…}
 * GET /api/export/companies|contacts?format=…&search=…&status=…&sort={…}
 * The current filtered list as a file. Inputs are passed on unchecked: the services validate
 * them and name bad fields.
 */
const EXPORTS: Record<string, (ctx: ServiceContext, params: URLSearchParams, locale: Locale) => ReturnType<typeof exportDeals>> = {
  deals: (ctx, params, locale) =>
    exportDeals(ctx, { format: params.get('format'), filters: parseJsonParam(params, 'filters'), sort: parseJsonParam(params, 'sort') } as ExportDealsInput, locale),
  companies: (ctx, params, locale) => exportClients(ctx, clientInput('companies', params), locale),
  contacts: (ctx, params, locale) => exportClients(ctx, clientInput('contacts', params), locale),
};

function clientInput(kind: 'companies' | 'contacts', params: URLSearchParams): ExportClientsInput {
  return {
    kind,
    format: params.get('format'),
    search: params.get('search') || undefined,
    status: params.get('status') || undefined,
    ownerId: params.get('ownerId') ? Number(params.get('ownerId')) : undefined,
    sort: parseJsonParam(params, 'sort'),
  } as ExportClientsInput;
}

export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  const exporter = EXPORTS[(await params).list];
  if (!exporter) return Response.json({ error: 'No such list' }, { status: 404 });
  const { db, user } = await createRequestContext();
  if (!user) return Response.json({ error: 'Sign in first' }, { status: 401 });
  try {
    const locale: Locale = user.locale ?? ((await getLocale()) === 'en' ? 'en' : 'ru');
    return respondWithFile(await exporter({ db, actor: user }, new URL(request.url).searchParams, locale));
  } catch (error) {
    return serviceErrorResponse(error);
  }
}
