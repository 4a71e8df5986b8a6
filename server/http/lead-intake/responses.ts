import type { ZodError } from 'zod';
import { ServiceError } from '@/server/services/errors';

/** Error codes of the intake API (the `error` member of every 4xx / 5xx body). */
export type IntakeErrorCode =
  | 'bad_json'
  | 'bad_form'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'validation'
  | 'idempotency_mismatch'
  | 'internal';

/** A website's own script may post from its pages: answers are readable cross-origin. */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'idempotent-replayed, retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset',
};

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...CORS_HEADERS, ...headers } });
}

export function errorAnswer(status: number, error: IntakeErrorCode, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return jsonAnswer(status, { error, message, ...extra }, headers);
}

/** The body of a 400 that names each offending field: `{ error: 'validation', fields: { name: message } }`. */
export function validationBody(fields: Record<string, string>) {
  return { error: 'validation' as const, message: `Invalid fields: ${Object.keys(fields).join(', ')}`, fields };
}

/** Zod issues by field; unknown fields are named one by one, whole-body issues go under `body`. */
export function fieldsOfZodError(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[key] ??= 'unknown field';
      continue;
    }
    const name = issue.path.join('.') || 'body';
    fields[name] ??= issue.message;
  }
  return fields;
}

const SERVICE_STATUS: Record<ServiceError['code'], number> = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/** A service's deliberate refusal: its 'field: message' BAD_REQUEST becomes a named field. */
export function serviceErrorAnswer(error: ServiceError): { status: number; body: Record<string, unknown> } {
  if (error.code !== 'BAD_REQUEST') return { status: SERVICE_STATUS[error.code], body: { error: error.code.toLowerCase(), message: error.message } };
  const named = /^([a-z_][\w.]*): (.+)$/s.exec(error.message);
  return { status: 400, body: validationBody(named ? { [named[1]!]: named[2]! } : { body: error.message }) };
}
