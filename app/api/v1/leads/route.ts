import { leadPreflight, postLead } from '@/server/http/lead-intake/route-handlers';

/** POST /api/v1/leads: lead intake for website forms and integrations (see /api/v1/openapi.json). */
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return postLead(request);
}

export function OPTIONS() {
  return leadPreflight();
}
