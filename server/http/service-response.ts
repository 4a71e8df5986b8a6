import { ZodError } from 'zod';
import { ServiceError } from '@/server/services/errors';

const STATUS: Record<ServiceError['code'], number> = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** An optional JSON query parameter; malformed JSON is the caller's mistake, named by field. */
export function parseJsonParam(params: URLSearchParams, name: string): unknown {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ServiceError('BAD_REQUEST', `${name}: not valid JSON`);
  }
}

/**
 * The HTTP answer for a failed service call in a plain route handler (REST, downloads): the same
 * codes and field-naming messages as tRPC, and nothing of an unexpected error's internals.
 */
export function serviceErrorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    const fields = error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
    return Response.json(
      { error: fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields },
      { status: 400 },
    );
  }
  if (error instanceof ServiceError) {
    return Response.json({ error: error.message, details: error.details ?? null }, { status: STATUS[error.code] });
  }
  console.error(error);
  return Response.json({ error: 'Internal error' }, { status: 500 });
}
