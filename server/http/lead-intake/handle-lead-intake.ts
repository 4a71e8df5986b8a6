import { ZodError } from 'zod';
import type { Database } from '@/db/client';
import { authenticateApiKey, type RateWindow } from '@/server/services/api-keys/authenticate-api-key';
import { ServiceError } from '@/server/services/errors';
import { requestFingerprint, runIdempotent, type StoredAnswer } from '@/server/services/intake/idempotency';
import { intakeLeads, MAX_INTAKE_BATCH, type IntakeResult } from '@/server/services/leads/intake-lead';
import { intakeLeadInput, type IntakeLeadInput } from '@/server/services/leads/intake-schema';
import { readIntakeBody } from './read-body';
import { errorAnswer, fieldsOfZodError, jsonAnswer, serviceErrorAnswer, validationBody } from './responses';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * POST /api/v1/leads: a lead from a website form or an integration. Checks run cheapest first:
 * body (415 / 413 / 400), key (401 / 403), rate limit (429), fields (400 naming them). Only the
 * key's request counter is written before they all pass; then the lead is created once per
 * Idempotency-Key (a retry replays the first answer, another body under the same key is 422)
 * and answered with 201, or 303 to the form's `redirect` address.
 */
export async function handleLeadIntake(db: Database, request: Request, now = new Date()): Promise<Response> {
  let limitHeaders: Record<string, string> = {};
  try {
    const read = await readIntakeBody(request);
    if (!read.ok) return read.response;
    const { fields, formKey, redirect: formRedirect } = read.body;

    const key = bearerToken(request.headers.get('authorization')) ?? formKey;
    const check = await authenticateApiKey(db, key, 'leads:create', now);
    if (!check.ok) return refusal(check.reason);
    limitHeaders = rateHeaders(check.limit, now);
    if (check.limit.used > check.limit.limit) {
      return errorAnswer(429, 'rate_limited', `This API key may post ${check.limit.limit} requests a minute`, {}, {
        ...limitHeaders,
        'retry-after': String(Math.max(1, Math.ceil((check.limit.resetAt.getTime() - now.getTime()) / 1000))),
      });
    }

    const redirect = formRedirect ?? new URL(request.url).searchParams.get('redirect');
    const batch = batchOf(fields);
    const problems: Record<string, string> = batch ? batchProblems(fields, batch) : leadProblems(fields);
    if (redirect !== null && !isWebAddress(redirect)) problems.redirect = 'must be an http or https address';
    const idempotencyKey = request.headers.get('idempotency-key');
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) problems['Idempotency-Key'] = 'must be 1 to 200 visible ASCII characters';
    if (Object.keys(problems).length > 0) return jsonAnswer(400, validationBody(problems), limitHeaders);

    const source = { apiKeyId: check.keyId, teamId: check.teamId };
    const create = async (tx: Database): Promise<StoredAnswer> => {
      // Checked above: every lead passed the schema.
      const leads = await intakeLeads(tx, source, (batch ?? [fields]) as IntakeLeadInput[], now);
      return { status: 201, body: batch ? { leads: leads.map(leadAnswer) } : leadAnswer(leads[0]!) };
    };
    if (idempotencyKey === null) return answer(await create(db), redirect, limitHeaders);
    const outcome = await runIdempotent(db, { apiKeyId: check.keyId, key: idempotencyKey, requestHash: requestFingerprint(fields), now }, create);
    if (outcome.kind === 'mismatch') {
      return errorAnswer(422, 'idempotency_mismatch', 'This Idempotency-Key was already used with a different request', {}, limitHeaders);
    }
    return answer(outcome.answer, redirect, { ...limitHeaders, ...(outcome.kind === 'replay' ? { 'idempotent-replayed': 'true' } : {}) });
  } catch (error) {
    if (error instanceof ZodError) return jsonAnswer(400, validationBody(fieldsOfZodError(error)), limitHeaders);
    if (error instanceof ServiceError) {
      const refused = serviceErrorAnswer(error);
      return jsonAnswer(refused.status, refused.body, limitHeaders);
    }
    console.error('[voronka] lead intake failed', error);
    return errorAnswer(500, 'internal', 'Internal error');
  }
}

/** An integration may post a backlog as `{ "leads": [ … ] }`: up to MAX_INTAKE_BATCH leads, all or none. */
function batchOf(fields: Record<string, unknown>): unknown[] | null {
  return Array.isArray(fields.leads) ? fields.leads : null;
}

function leadProblems(fields: unknown): Record<string, string> {
  const parsed = intakeLeadInput.safeParse(fields);
  return parsed.success ? {} : fieldsOfZodError(parsed.error);
}

function batchProblems(fields: Record<string, unknown>, batch: unknown[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const key of Object.keys(fields)) if (key !== 'leads') problems[key] = 'unknown field';
  if (batch.length === 0 || batch.length > MAX_INTAKE_BATCH) problems.leads = `send 1 to ${MAX_INTAKE_BATCH} leads`;
  batch.slice(0, MAX_INTAKE_BATCH).forEach((lead, index) => {
    for (const [field, message] of Object.entries(leadProblems(lead))) problems[`leads.${index}.${field}`] = message;
  });
  return problems;
}

function leadAnswer(lead: IntakeResult) {
  return {
    id: lead.id,
    owner_id: lead.ownerId,
    team_id: lead.teamId,
    duplicate: { lead_id: lead.duplicates.leadId, contact_id: lead.duplicates.contactId, company_id: lead.duplicates.companyId },
  };
}

/** A success either as JSON, or as a redirect for a visitor who posted a website form. */
function answer(stored: StoredAnswer, redirect: string | null, headers: Record<string, string>): Response {
  if (redirect !== null && stored.status === 201) {
    return new Response(null, { status: 303, headers: { location: redirect, 'cache-control': 'no-store', ...headers } });
  }
  return jsonAnswer(stored.status, stored.body, headers);
}

function refusal(reason: 'missing' | 'invalid' | 'revoked' | 'scope'): Response {
  if (reason === 'scope') return errorAnswer(403, 'forbidden', 'This API key may not create leads (scope leads:create)');
  const message = { missing: 'Give an API key: Authorization: Bearer <key>, or the api_key form field', invalid: 'Unknown API key', revoked: 'This API key was revoked' }[reason];
  return errorAnswer(401, 'unauthorized', message, {}, { 'www-authenticate': `Bearer realm="voronka"${reason === 'missing' ? '' : ', error="invalid_token"'}` });
}

function bearerToken(header: string | null): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The key's published limit on every answer, so an integration can pace itself. */
function rateHeaders(limit: RateWindow, now: Date): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit.limit),
    'x-ratelimit-remaining': String(Math.max(0, limit.limit - limit.used)),
    'x-ratelimit-reset': String(Math.max(0, Math.ceil((limit.resetAt.getTime() - now.getTime()) / 1000))),
  };
}
