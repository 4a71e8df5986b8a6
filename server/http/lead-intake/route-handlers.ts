import { getDb } from '@/db/client';
import { CORS_HEADERS } from './responses';
import { handleLeadIntake } from './handle-lead-intake';

/** What app/api/v1/leads/route.ts serves (app/ code may not open the database itself). */
export async function postLead(request: Request): Promise<Response> {
  return handleLeadIntake(await getDb(), request);
}

/** The CORS preflight of a website script that posts JSON with its key in a header. */
export function leadPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type, idempotency-key',
      'access-control-max-age': '86400',
    },
  });
}
