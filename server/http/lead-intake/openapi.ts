import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '@/server/services/api-keys/schemas';
import { MAX_INTAKE_BATCH } from '@/server/services/leads/intake-lead';
import { MAX_BODY_BYTES } from './read-body';

const text = (maxLength: number, description: string, example?: string) => ({ type: ['string', 'null'], maxLength, description, ...(example ? { example } : {}) });

/** The lead fields of POST /api/v1/leads (a test keeps them equal to the zod schema's). */
const LEAD_PROPERTIES = {
  name: text(200, 'Person’s name.', 'Иван Петров'),
  phone: text(40, 'Phone in any usual spelling (+7 / 8 / spaces / brackets); must be a valid number. Stored as typed, matched as E.164.', '+7 912 345-67-89'),
  email: { type: ['string', 'null'], format: 'email', maxLength: 254, description: 'E-mail; matched in lower case.', example: 'ivan@example.com' },
  company: text(300, 'Company name.', 'ООО «Ромашка»'),
  comment: text(5000, 'What the visitor wrote.', 'Нужна консультация по тарифам'),
  title: text(300, 'Lead title; by default “company · name”, else the phone or e-mail.'),
  source: text(100, 'Code of a lead source set up by the admin (e.g. `website`); unknown codes are refused.', 'website'),
  utm_source: text(300, 'UTM tag.', 'yandex'),
  utm_medium: text(300, 'UTM tag.', 'cpc'),
  utm_campaign: text(300, 'UTM tag.', 'spring_sale'),
  utm_content: text(300, 'UTM tag.'),
  utm_term: text(300, 'UTM tag.'),
  team: { type: ['integer', 'null'], minimum: 1, description: 'Team (sales department) whose managers receive the lead. Required when the API key is not tied to a team; must equal the key’s team when it is.', example: 1 },
};

const CURL = `curl -X POST https://crm.example.com/api/v1/leads \\
  -H "Authorization: Bearer vk_abcd2345_…" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: order-4711" \\
  -d '{"name":"Иван Петров","phone":"+7 912 345-67-89","comment":"Перезвоните","source":"website","utm_source":"yandex"}'`;

const HTML_FORM = `<form method="post" action="https://crm.example.com/api/v1/leads">
  <input type="hidden" name="api_key" value="vk_abcd2345_…">
  <input type="hidden" name="source" value="website">
  <input type="hidden" name="redirect" value="https://example.com/thanks">
  <input name="name" placeholder="Имя">
  <input name="phone" type="tel" placeholder="Телефон" required>
  <textarea name="comment"></textarea>
  <button>Отправить</button>
</form>`;

const errorSchema = (codes: string[]) => ({
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string', enum: codes }, message: { type: 'string' } },
});

const rateHeaders = {
  'X-RateLimit-Limit': { description: 'Requests this key may make per minute.', schema: { type: 'integer' } },
  'X-RateLimit-Remaining': { description: 'Requests left in the current minute.', schema: { type: 'integer' } },
  'X-RateLimit-Reset': { description: 'Seconds until the current minute’s window ends.', schema: { type: 'integer' } },
};

const errorResponse = (description: string, codes: string[], example: { error: string; message: string }, headers: Record<string, unknown> = {}) => ({
  description,
  headers,
  content: { 'application/json': { schema: errorSchema(codes), example } },
});

/** The OpenAPI 3.1 description of the lead intake API, served at GET /api/v1/openapi.json. */
export function leadIntakeOpenApi(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Voronka lead intake API',
      version: '1.0.0',
      description: [
        'Send leads from website forms, landing pages, chats and telephony into Voronka. Each lead is checked, matched against existing leads, contacts and companies by phone and e-mail (a match is reported, never refused), and handed round-robin to a manager of the team at work, who gets a first task.',
        '',
        `**Keys.** An admin creates keys under Administration → API keys; the key is shown once. Send it as \`Authorization: Bearer <key>\`, or — for a plain HTML form that cannot set headers — as the \`api_key\` form field. Revoked keys stop working at once.`,
        '',
        `**Limits.** Each key has a published per-minute limit (${DEFAULT_RATE_LIMIT_PER_MINUTE} by default, set per key); every answer carries \`X-RateLimit-*\` headers, and past the limit the answer is 429 with \`Retry-After\`. Bodies over ${MAX_BODY_BYTES / 1024} KB are refused with 413.`,
        '',
        '**Retries.** Send an `Idempotency-Key` header (any 1–200 visible ASCII characters, unique per lead) and a retried post — even ten at once — creates one lead and gets the first answer back, marked `Idempotent-Replayed: true`. The same key with a different body is refused with 422. Answers are kept for 24 hours.',
        '',
        '**Errors.** Nothing is written unless the whole request is accepted. A 400 names each offending field in `fields`. HTML markup in any field is refused.',
        '',
        'JSON:',
        '```sh',
        CURL,
        '```',
        '',
        'HTML form (the visitor is sent to `redirect` after a success; without it the answer is JSON):',
        '```html',
        HTML_FORM,
        '```',
      ].join('\n'),
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths: {
      '/api/v1/leads': {
        post: {
          operationId: 'createLead',
          summary: 'Create a lead',
          description: 'At least one of name, company, phone or e-mail is required. Unknown fields are refused.',
          security: [{ bearerAuth: [] }, {}],
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'Makes retries safe: the same key and body create one lead; the answer is replayed.',
              schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
              example: 'order-4711',
            },
            {
              name: 'redirect',
              in: 'query',
              required: false,
              description: 'An http(s) address to send the visitor to after a success (303); the form field of the same name does the same.',
              schema: { type: 'string', format: 'uri' },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { oneOf: [{ $ref: '#/components/schemas/Lead' }, { $ref: '#/components/schemas/LeadBatch' }] },
                examples: {
                  batch: { summary: 'A batch from an integration (all or none)', value: { leads: [{ name: 'Анна', phone: '+7 913 000-00-01', source: 'website' }, { company: 'ООО «Вектор»', email: 'info@vector.ru' }] } },
                  website: { summary: 'A website lead', value: { name: 'Иван Петров', phone: '+7 912 345-67-89', email: 'ivan@example.com', comment: 'Перезвоните после обеда', source: 'website', utm_source: 'yandex', utm_medium: 'cpc', utm_campaign: 'spring_sale' } },
                  untiedKey: { summary: 'With a key not tied to a team', value: { company: 'ООО «Ромашка»', phone: '8 (495) 123-45-67', team: 2 } },
                },
              },
              'application/x-www-form-urlencoded': {
                schema: { $ref: '#/components/schemas/LeadForm' },
                example: { api_key: 'vk_abcd2345_…', name: 'Иван Петров', phone: '+7 912 345-67-89', source: 'website', redirect: 'https://example.com/thanks' },
              },
              'multipart/form-data': { schema: { $ref: '#/components/schemas/LeadForm' } },
            },
          },
          responses: {
            '201': {
              description: 'The lead was created (or, with `Idempotent-Replayed: true`, had been created by an earlier post with the same Idempotency-Key).',
              headers: { ...rateHeaders, 'Idempotent-Replayed': { description: '`true` when this is the stored answer of an earlier post.', schema: { type: 'string', enum: ['true'] } } },
              content: {
                'application/json': {
                  schema: { oneOf: [{ $ref: '#/components/schemas/LeadCreated' }, { $ref: '#/components/schemas/LeadBatchCreated' }] },
                  example: { id: 18423, owner_id: 17, team_id: 1, duplicate: { lead_id: 18077, contact_id: null, company_id: 512 } },
                },
              },
            },
            '303': { description: 'Created; the visitor is sent to the `redirect` address.', headers: { Location: { schema: { type: 'string', format: 'uri' } }, ...rateHeaders } },
            '400': {
              description: 'The body is not valid JSON or form data, or fields are wrong (each named in `fields`). Nothing was written.',
              content: {
                'application/json': {
                  schema: { oneOf: [{ $ref: '#/components/schemas/ValidationError' }, errorSchema(['bad_json', 'bad_form'])] },
                  examples: {
                    validation: { value: { error: 'validation', message: 'Invalid fields: phone, comment', fields: { phone: 'not a valid phone number', comment: 'at most 5000 characters' } } },
                    badJson: { value: { error: 'bad_json', message: 'The body is not valid JSON: Unexpected end of JSON input' } },
                  },
                },
              },
            },
            '401': errorResponse('No API key, an unknown one, or a revoked one.', ['unauthorized'], { error: 'unauthorized', message: 'This API key was revoked' }, { 'WWW-Authenticate': { schema: { type: 'string' } } }),
            '403': errorResponse('The key lacks the `leads:create` scope.', ['forbidden'], { error: 'forbidden', message: 'This API key may not create leads (scope leads:create)' }),
            '413': errorResponse(`The body is over ${MAX_BODY_BYTES} bytes.`, ['payload_too_large'], { error: 'payload_too_large', message: `The body is over ${MAX_BODY_BYTES} bytes` }),
            '415': errorResponse('The body is not JSON, urlencoded or multipart form data.', ['unsupported_media_type'], { error: 'unsupported_media_type', message: 'Send application/json, application/x-www-form-urlencoded or multipart/form-data' }),
            '422': errorResponse('This Idempotency-Key was used before with a different body.', ['idempotency_mismatch'], { error: 'idempotency_mismatch', message: 'This Idempotency-Key was already used with a different request' }),
            '429': errorResponse('The key’s per-minute limit is used up.', ['rate_limited'], { error: 'rate_limited', message: 'This API key may post 600 requests a minute' }, {
              ...rateHeaders,
              'Retry-After': { description: 'Seconds until the next minute’s window.', schema: { type: 'integer' } },
            }),
            '500': errorResponse('Unexpected failure; safe to retry with the same Idempotency-Key.', ['internal'], { error: 'internal', message: 'Internal error' }),
          },
          'x-codeSamples': [
            { lang: 'Shell', label: 'curl', source: CURL },
            { lang: 'HTML', label: 'Website form', source: HTML_FORM },
          ],
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'vk_<prefix>_<secret>', description: 'An API key with the `leads:create` scope. HTML forms may send it as the `api_key` field instead.' },
      },
      schemas: {
        Lead: { type: 'object', additionalProperties: false, properties: LEAD_PROPERTIES, description: 'At least one of name, company, phone, email.' },
        LeadForm: {
          type: 'object',
          description: 'The lead fields as form inputs: empty inputs count as absent, `team` is given in digits.',
          properties: {
            ...Object.fromEntries(Object.entries(LEAD_PROPERTIES).map(([name, schema]) => [name, name === 'team' ? { type: 'string', pattern: '^[0-9]+$', description: schema.description } : { ...schema, type: 'string' }])),
            api_key: { type: 'string', description: 'The API key, for forms that cannot send an Authorization header.' },
            redirect: { type: 'string', format: 'uri', description: 'An http(s) address to send the visitor to after a success (303).' },
          },
        },
        LeadBatch: {
          type: 'object',
          additionalProperties: false,
          required: ['leads'],
          description: `Up to ${MAX_INTAKE_BATCH} leads in one post, stored all or none; errors are named by position (\`leads.3.phone\`). Leads of one batch with the same phone or e-mail are linked as duplicates.`,
          properties: { leads: { type: 'array', minItems: 1, maxItems: MAX_INTAKE_BATCH, items: { $ref: '#/components/schemas/Lead' } } },
        },
        LeadBatchCreated: {
          type: 'object',
          required: ['leads'],
          properties: { leads: { type: 'array', description: 'One answer per lead, in the order posted.', items: { $ref: '#/components/schemas/LeadCreated' } } },
        },
        LeadCreated: {
          type: 'object',
          required: ['id', 'owner_id', 'team_id', 'duplicate'],
          properties: {
            id: { type: 'integer', description: 'The new lead.' },
            owner_id: { type: ['integer', 'null'], description: 'The manager it was given to; null while nobody of the team is at work (it is handed out when someone is).' },
            team_id: { type: 'integer' },
            duplicate: {
              type: 'object',
              description: 'What this phone or e-mail already belongs to: the earliest open lead, a contact, a company.',
              required: ['lead_id', 'contact_id', 'company_id'],
              properties: { lead_id: { type: ['integer', 'null'] }, contact_id: { type: ['integer', 'null'] }, company_id: { type: ['integer', 'null'] } },
            },
          },
        },
        ValidationError: {
          type: 'object',
          required: ['error', 'message', 'fields'],
          properties: {
            error: { type: 'string', const: 'validation' },
            message: { type: 'string' },
            fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Each offending field with what is wrong with it.' },
          },
        },
      },
    },
  };
}

let memo: { serverUrl: string; json: string } | null = null;

/** The document as JSON text, built once per server address (one entry: the Host header is the caller's). */
export function leadIntakeOpenApiJson(serverUrl: string): string {
  if (memo?.serverUrl !== serverUrl) memo = { serverUrl, json: JSON.stringify(leadIntakeOpenApi(serverUrl)) };
  return memo.json;
}
