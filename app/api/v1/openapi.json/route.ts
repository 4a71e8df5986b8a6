import { leadIntakeOpenApiJson } from '@/server/http/lead-intake/openapi';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of the lead intake API. */
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return new Response(leadIntakeOpenApiJson(new URL(request.url).origin), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300' },
  });
}
