import { errorAnswer, jsonAnswer, validationBody } from './responses';

/** Far above any real lead (a comment is at most 5,000 characters); a bigger body is refused unread. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Form fields that steer the request and are not lead fields. */
const FORM_CONTROLS = ['api_key', 'redirect'] as const;

export interface IntakeBody {
  /** Lead fields as sent, for the schema to judge. */
  fields: Record<string, unknown>;
  /** The API key given as the `api_key` form field (a website form cannot set headers). */
  formKey: string | null;
  /** Where a website form wants the visitor sent after a success (`redirect` form field). */
  redirect: string | null;
}

/**
 * The request body as lead fields, from JSON or a form (urlencoded or multipart), or the 4xx
 * answer that says why not: unsupported type 415, over the size limit 413, unreadable 400.
 */
export async function readIntakeBody(request: Request): Promise<{ ok: true; body: IntakeBody } | { ok: false; response: Response }> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const kind = type === 'application/json' || type.endsWith('+json') ? 'json'
    : type === 'application/x-www-form-urlencoded' ? 'urlencoded'
    : type === 'multipart/form-data' ? 'multipart'
    : null;
  if (!kind) {
    return { ok: false, response: errorAnswer(415, 'unsupported_media_type', 'Send application/json, application/x-www-form-urlencoded or multipart/form-data') };
  }
  const bytes = await readLimited(request);
  if (!bytes) return { ok: false, response: errorAnswer(413, 'payload_too_large', `The body is over ${MAX_BODY_BYTES} bytes`) };
  if (kind === 'json') return parseJson(bytes);
  let form: Iterable<[string, FormDataEntryValue]>;
  try {
    form = kind === 'urlencoded'
      ? new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
      : await new Response(bytes, { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
  } catch {
    return { ok: false, response: errorAnswer(400, 'bad_form', 'The form body could not be read') };
  }
  return fromForm(form);
}

/**
 * The body, or null past the limit. A declared length is checked before reading (HTTP framing
 * then bounds the body, so it is read whole: cheaper than a stream); a chunked body is counted
 * as it arrives and dropped once it passes the limit.
 */
async function readLimited(request: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) return null;
  if (!request.body) return new Uint8Array();
  if (declared !== null && /^\d+$/.test(declared)) {
    const whole = new Uint8Array(await request.arrayBuffer());
    return whole.byteLength > MAX_BODY_BYTES ? null : whole;
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

function parseJson(bytes: Uint8Array): { ok: true; body: IntakeBody } | { ok: false; response: Response } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { ok: false, response: errorAnswer(400, 'bad_json', `The body is not valid JSON: ${(error as Error).message}`) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, response: errorAnswer(400, 'bad_json', 'The body must be a JSON object of lead fields') };
  }
  return { ok: true, body: { fields: value as Record<string, unknown>, formKey: null, redirect: null } };
}

/**
 * Form strings as lead fields: an empty field is no field (a website form sends every input),
 * `team` in digits is the team id, and the control fields are taken out. A field given twice is
 * ambiguous and refused.
 */
function fromForm(form: Iterable<[string, FormDataEntryValue]>): { ok: true; body: IntakeBody } | { ok: false; response: Response } {
  const fields: Record<string, unknown> = {};
  const controls: Record<string, string> = {};
  const repeated: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, value] of form) {
    if (seen.has(name)) repeated[name] = 'given more than once';
    seen.add(name);
    const text = typeof value === 'string' ? value.trim() : value;
    if ((FORM_CONTROLS as readonly string[]).includes(name)) {
      if (typeof text === 'string') controls[name] = text;
      continue;
    }
    if (text === '') continue;
    fields[name] = name === 'team' && typeof text === 'string' && /^\d{1,9}$/.test(text) ? Number(text) : text;
  }
  if (Object.keys(repeated).length > 0) return { ok: false, response: jsonAnswer(400, validationBody(repeated)) };
  return { ok: true, body: { fields, formKey: controls.api_key || null, redirect: controls.redirect || null } };
}
