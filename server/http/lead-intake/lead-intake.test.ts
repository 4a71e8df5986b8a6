import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { apiKeys, leads, leadSources } from '@/db/schema';
import { DRIVERS, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture, type ScopeFixture } from '@/test/fixtures';
import { createApiKey, revokeApiKey } from '@/server/services/api-keys/api-key-admin';
import { intakeLeadInput } from '@/server/services/leads/intake-schema';
import { handleLeadIntake } from './handle-lead-intake';
import { leadIntakeOpenApi } from './openapi';

const URL_ = 'http://localhost/api/v1/leads';

function postJson(body: unknown, key: string | null, headers: Record<string, string> = {}, url = URL_) {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function postForm(fields: Record<string, string>) {
  return new Request(URL_, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

/** Row counts of everything an intake may write. */
async function counts(db: Database) {
  const [row] = rowsOf<{ leads: number; activities: number; audit: number; claims: number }>(
    await db.execute(sql`select (select count(*)::int from leads) leads, (select count(*)::int from activities) activities,
      (select count(*)::int from audit_log) audit, (select count(*)::int from intake_requests) claims`),
  );
  return row!;
}

describe.each(DRIVERS)('lead intake API on %s', (driver) => {
  const database = useFreshDatabase(driver);
  let db: Database;
  let f: ScopeFixture;
  /** Tied to team A. */
  let teamKey: string;
  /** Not tied to a team: each post names one. */
  let openKey: string;

  beforeAll(async () => {
    db = database().db;
    f = await buildScopeFixture(db);
    await db.insert(leadSources).values({ code: 'website', nameRu: 'Сайт', nameEn: 'Website' });
    teamKey = (await createApiKey({ db, actor: f.admin }, { name: 'Сайт', teamId: f.headA.teamId })).key;
    openKey = (await createApiKey({ db, actor: f.admin }, { name: 'Телефония' })).key;
  });

  /** Posts and expects a 4xx that names the field, with nothing written. */
  async function refused(request: Request, status: number, now?: Date) {
    const before = await counts(db);
    const response = await handleLeadIntake(db, request, now);
    expect(response.status).toBe(status);
    expect(await counts(db)).toEqual(before);
    return (await response.json()) as { error: string; message: string; fields?: Record<string, string> };
  }

  it('creates a lead from JSON, hands it to a manager of the key’s team and flags a repeat as a duplicate', async () => {
    const response = await handleLeadIntake(db, postJson({ name: 'Иван Петров', phone: '8 (912) 345-67-89', email: 'Ivan@Example.com', company: 'Ромашка', source: 'website', utm_source: 'yandex', utm_campaign: 'spring' }, teamKey));
    expect(response.status).toBe(201);
    expect(response.headers.get('x-ratelimit-limit')).toBe('600');
    const body = (await response.json()) as { id: number; owner_id: number; team_id: number; duplicate: Record<string, number | null> };
    expect(body.team_id).toBe(f.headA.teamId);
    expect([f.managerA1.id, f.managerA2.id]).toContain(body.owner_id);
    expect(body.duplicate).toEqual({ lead_id: null, contact_id: null, company_id: null });
    const [stored] = await db.select().from(leads).where(eq(leads.id, body.id));
    expect(stored).toMatchObject({ personName: 'Иван Петров', phoneNormalized: '+79123456789', emailNormalized: 'ivan@example.com', utmSource: 'yandex', utmCampaign: 'spring', ownerId: body.owner_id });

    const again = await handleLeadIntake(db, postJson({ name: 'Иван', phone: '+7 912 345 67 89' }, teamKey));
    expect(((await again.json()) as typeof body).duplicate.lead_id).toBe(body.id);
  });

  it('refuses bad JSON, a body that is not an object, and unsupported or oversized bodies, writing nothing', async () => {
    expect((await refused(postJson('{"name": "Иван",', teamKey), 400)).error).toBe('bad_json');
    expect((await refused(postJson('[1, 2]', teamKey), 400)).error).toBe('bad_json');
    const plain = new Request(URL_, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${teamKey}` }, body: 'name=Иван' });
    expect((await refused(plain, 415)).error).toBe('unsupported_media_type');
    expect((await refused(postJson({ name: 'x', comment: 'x'.repeat(70_000) }, teamKey), 413)).error).toBe('payload_too_large');
    expect((await refused(postJson({ name: 'x' }, teamKey, { 'content-length': '200000' }), 413)).error).toBe('payload_too_large');
    expect((await handleLeadIntake(db, postJson({ name: 'Длина указана' }, teamKey, { 'content-length': String(Buffer.byteLength(JSON.stringify({ name: 'Длина указана' }))) }))).status).toBe(201);
  });

  it('names missing fields, wrong types, unknown fields and a 10 KB comment, writing nothing', async () => {
    expect((await refused(postJson({}, teamKey), 400)).fields).toEqual({ phone: 'give at least a name, a company, a phone or an e-mail' });
    expect((await refused(postJson({ name: '', phone: '  ' }, teamKey), 400)).fields).toHaveProperty('phone');
    const types = await refused(postJson({ name: 123, phone: ['+79123456789'], team: 'one' }, openKey), 400);
    expect(types).toMatchObject({ error: 'validation' });
    expect(Object.keys(types.fields!).sort()).toEqual(['name', 'phone', 'team']);
    expect((await refused(postJson({ name: 'Иван', owner_id: 1, status: 'converted' }, teamKey), 400)).fields).toEqual({ owner_id: 'unknown field', status: 'unknown field' });
    expect((await refused(postJson({ name: 'Иван', comment: 'к'.repeat(10_240) }, teamKey), 400)).fields).toEqual({ comment: 'at most 5000 characters' });
  });

  it('refuses HTML in any field and SQL where it cannot be a phone or an e-mail; stores SQL-looking text verbatim', async () => {
    expect((await refused(postJson({ name: '<script>alert(1)</script>' }, teamKey), 400)).fields).toEqual({ name: 'HTML is not allowed' });
    expect((await refused(postJson({ name: 'Иван', comment: 'см. <a href="http://spam">тут</a>' }, teamKey), 400)).fields).toEqual({ comment: 'HTML is not allowed' });
    expect((await refused(postJson({ phone: "1'; DROP TABLE leads; --" }, teamKey), 400)).fields).toEqual({ phone: 'not a valid phone number' });
    expect((await refused(postJson({ email: "x' OR '1'='1" }, teamKey), 400)).fields).toEqual({ email: 'not a valid e-mail address' });

    const name = "Robert'); DROP TABLE leads; --";
    const response = await handleLeadIntake(db, postJson({ name, company: '1 OR 1=1; DELETE FROM users' }, teamKey));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    const [stored] = await db.select().from(leads).where(eq(leads.id, id));
    expect(stored).toMatchObject({ personName: name, companyName: '1 OR 1=1; DELETE FROM users' });
    expect((await counts(db)).leads).toBeGreaterThan(1);
  });

  it('takes a batch of leads in one post, all or none, linking duplicates within the batch', async () => {
    const batch = [
      { name: 'Пакет 1', phone: '+7 913 000-00-01' },
      { name: 'Пакет 2', email: 'batch@example.com' },
      { name: 'Пакет 3', phone: '8 913 000 00 01' },
    ];
    const response = await handleLeadIntake(db, postJson({ leads: batch }, teamKey));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { leads: { id: number; owner_id: number | null; duplicate: { lead_id: number | null } }[] };
    expect(body.leads).toHaveLength(3);
    expect(body.leads.every((lead) => [f.managerA1.id, f.managerA2.id].includes(lead.owner_id!))).toBe(true);
    expect(body.leads[2]!.duplicate.lead_id).toBe(body.leads[0]!.id);
    const stored = await db.select({ id: leads.id, personName: leads.personName, duplicateOf: leads.duplicateOfLeadId }).from(leads).where(sql`${leads.id} in ${body.leads.map((lead) => lead.id)}`);
    expect(stored.map((row) => row.personName).sort()).toEqual(['Пакет 1', 'Пакет 2', 'Пакет 3']);
    expect(stored.find((row) => row.personName === 'Пакет 3')!.duplicateOf).toBe(body.leads[0]!.id);

    // One bad lead refuses the whole batch, naming it.
    const bad = await refused(postJson({ leads: [{ name: 'Хороший' }, { name: 123 }, { name: '<b>x</b>' }] }, teamKey), 400);
    expect(bad.fields).toEqual({ 'leads.1.name': 'expected a string', 'leads.2.name': 'HTML is not allowed' });
    expect((await refused(postJson({ leads: [{ name: 'Хороший' }, { phone: 'не телефон' }] }, teamKey), 400)).fields).toEqual({ 'leads.1.phone': 'not a valid phone number' });
    expect((await refused(postJson({ leads: [] }, teamKey), 400)).fields).toEqual({ leads: 'send 1 to 100 leads' });
    expect((await refused(postJson({ leads: [{ name: 'Хороший' }, { name: 'Чужой', source: 'no-such-source' }] }, teamKey), 400)).fields).toEqual({ 'leads.1.source': 'no such lead source' });
  });

  it('refuses a missing, malformed, unknown or revoked key with 401 and a key without the scope with 403', async () => {
    expect((await refused(postJson({ name: 'Иван' }, null), 401)).message).toMatch(/Bearer/);
    expect((await refused(postJson({ name: 'Иван' }, 'not-a-key'), 401)).message).toBe('Unknown API key');
    const forged = `${teamKey.slice(0, 12)}${'A'.repeat(teamKey.length - 12)}`;
    expect((await refused(postJson({ name: 'Иван' }, forged), 401)).message).toBe('Unknown API key');

    const doomed = await createApiKey({ db, actor: f.admin }, { name: 'Старый сайт', teamId: f.headA.teamId });
    expect((await handleLeadIntake(db, postJson({ name: 'Иван' }, doomed.key))).status).toBe(201);
    await revokeApiKey({ db, actor: f.admin }, { id: doomed.id, version: doomed.version });
    const revoked = await refused(postJson({ name: 'Иван' }, doomed.key), 401);
    expect(revoked).toMatchObject({ error: 'unauthorized', message: 'This API key was revoked' });

    const unscoped = await createApiKey({ db, actor: f.admin }, { name: 'Без прав', teamId: f.headA.teamId });
    await db.update(apiKeys).set({ scopes: ['calls:create'] }).where(eq(apiKeys.id, unscoped.id));
    expect((await refused(postJson({ name: 'Иван' }, unscoped.key), 403)).error).toBe('forbidden');
  });

  it('keeps a team key to its team and makes an untied key name an existing team', async () => {
    expect((await refused(postJson({ name: 'Иван', team: f.headB.teamId }, teamKey), 400)).fields).toHaveProperty('team');
    expect((await refused(postJson({ name: 'Иван' }, openKey), 400)).fields).toHaveProperty('team');
    expect((await refused(postJson({ name: 'Иван', team: 999_999 }, openKey), 400)).fields).toEqual({ team: 'no such team' });
    expect((await refused(postJson({ name: 'Иван', source: 'billboard' }, teamKey), 400)).fields).toEqual({ source: 'no such lead source' });
    const response = await handleLeadIntake(db, postJson({ name: 'Иван', team: f.headB.teamId }, openKey));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ team_id: f.headB.teamId, owner_id: f.managerB1.id });
  });

  it('takes a plain website form: key as a field, empty inputs ignored, team in digits, redirect after success', async () => {
    const response = await handleLeadIntake(db, postForm({ api_key: openKey, name: 'Мария', phone: '+7 903 111-22-33', email: '', company: '', team: String(f.headA.teamId), utm_medium: 'cpc', redirect: 'https://example.com/thanks' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('https://example.com/thanks');
    const [stored] = await db.select().from(leads).where(eq(leads.phoneNormalized, '+79031112233'));
    expect(stored).toMatchObject({ personName: 'Мария', email: null, teamId: f.headA.teamId, utmMedium: 'cpc' });

    const multipart = new FormData();
    multipart.set('api_key', teamKey);
    multipart.set('name', 'Пётр');
    multipart.set('comment', 'Перезвоните после обеда');
    const fromMultipart = await handleLeadIntake(db, new Request(URL_, { method: 'POST', body: multipart }));
    expect(fromMultipart.status).toBe(201);

    expect((await refused(postForm({ api_key: teamKey, name: 'Пётр', redirect: 'javascript:alert(1)' }), 400)).fields).toEqual({ redirect: 'must be an http or https address' });
    expect((await refused(postForm({ api_key: teamKey, name: 'Пётр', team: 'первая' }), 400)).fields).toHaveProperty('team');
    expect((await refused(new Request(URL_, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `api_key=${teamKey}&name=a&name=b` }), 400)).fields).toEqual({ name: 'given more than once' });
  });

  it('creates one lead for ten parallel posts with one Idempotency-Key, and answers all ten alike', async () => {
    const before = await counts(db);
    const lead = { name: 'Повторный', phone: '+7 916 555-44-33', comment: 'ретрай' };
    const responses = await Promise.all(Array.from({ length: 10 }, () => handleLeadIntake(db, postJson(lead, teamKey, { 'idempotency-key': 'order-4711' }))));
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect((await counts(db)).leads).toBe(before.leads + 1);
    expect(await db.select({ id: leads.id }).from(leads).where(eq(leads.phoneNormalized, '+79165554433'))).toHaveLength(1);

    // Same key, fields in another order or sent as a form: the same request, replayed.
    const reordered = await handleLeadIntake(db, postJson({ comment: 'ретрай', phone: '+7 916 555-44-33', name: 'Повторный' }, teamKey, { 'idempotency-key': 'order-4711' }));
    expect(await reordered.json()).toEqual(bodies[0]);
    // Same key, another body: refused, nothing written.
    expect((await refused(postJson({ ...lead, name: 'Другой' }, teamKey, { 'idempotency-key': 'order-4711' }), 422)).error).toBe('idempotency_mismatch');
    // The key is per API key: another key may use the same value.
    expect((await handleLeadIntake(db, postJson({ ...lead, team: f.headA.teamId }, openKey, { 'idempotency-key': 'order-4711' }))).headers.get('idempotent-replayed')).toBeNull();
  });

  it('leaves no claim behind when the post is refused, so a corrected retry with the same key works', async () => {
    await refused(postJson({ name: 'Иван', team: 999_999 }, openKey, { 'idempotency-key': 'fix-me' }), 400);
    const fixed = await handleLeadIntake(db, postJson({ name: 'Иван', team: f.headA.teamId }, openKey, { 'idempotency-key': 'fix-me' }));
    expect(fixed.status).toBe(201);
  });

  it('answers 429 with Retry-After past the key’s per-minute limit, and counts again next minute', async () => {
    const limited = await createApiKey({ db, actor: f.admin }, { name: 'Медленный', teamId: f.headA.teamId, rateLimitPerMinute: 3 });
    const minute = new Date('2031-05-01T10:00:15Z');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await handleLeadIntake(db, postJson({ name: `Лид ${i}` }, limited.key), minute)).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const blocked = await refused(postJson({ name: 'Ещё' }, limited.key), 429, minute);
    expect(blocked.error).toBe('rate_limited');
    const last = await handleLeadIntake(db, postJson({ name: 'Ещё' }, limited.key), minute);
    expect(last.headers.get('retry-after')).toBe('45');
    expect(last.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await handleLeadIntake(db, postJson({ name: 'Через минуту' }, limited.key), new Date('2031-05-01T10:01:00Z'))).status).toBe(201);
  });

  it('records the last use at most once a minute', async () => {
    const key = await createApiKey({ db, actor: f.admin }, { name: 'Учёт', teamId: f.headA.teamId });
    const lastUse = async () => (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, key.id)))[0]!.at;
    expect(await lastUse()).toBeNull();
    const first = new Date('2031-06-01T09:00:00Z');
    await handleLeadIntake(db, postJson({ name: 'a' }, key.key), first);
    expect(await lastUse()).toEqual(first);
    await handleLeadIntake(db, postJson({ name: 'b' }, key.key), new Date('2031-06-01T09:00:30Z'));
    expect(await lastUse()).toEqual(first);
    const later = new Date('2031-06-01T09:01:05Z');
    await handleLeadIntake(db, postJson({ name: 'c' }, key.key), later);
    expect(await lastUse()).toEqual(later);
  });

  it('documents exactly the fields the schema takes', () => {
    const doc = leadIntakeOpenApi('http://localhost:3000') as { components: { schemas: { Lead: { properties: Record<string, unknown> } } } };
    expect(Object.keys(doc.components.schemas.Lead.properties).sort()).toEqual(Object.keys(intakeLeadInput.shape).sort());
  });
});
