import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { activities, auditLog, companies, contacts, deals, feedback, invoices, leads, leadSlaBreaches, merges } from '@/db/schema';
import { rowsOf, type Database } from '@/db/client';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture, type ScopeFixture } from '@/test/fixtures';
import { updateContact } from '../clients/save-contact';
import { ServiceError } from '../errors';
import { connectedGroups, findDuplicateGroups } from './find-duplicate-groups';
import { listRecentMerges } from './list-merges';
import { mergeRecords } from './merge-records';
import { undoMerge } from './undo-merge';

/**
 * Every row of every table (ordered by primary key, every column, as PostgreSQL prints it), so
 * "undo restores everything" is checked against the whole database, not a hand-picked list.
 */
async function fullDump(db: Database, except: string[] = ['audit_log', 'merges']): Promise<Record<string, unknown[]>> {
  const tables = rowsOf<{ name: string; keys: string[] | null }>(
    await db.execute(sql`
      select c.relname::text as name,
        (select jsonb_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum))
           from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
          where i.indrelid = c.oid and i.indisprimary) as keys
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by 1`),
  );
  const dump: Record<string, unknown[]> = {};
  for (const table of tables.filter((t) => !except.includes(t.name))) {
    if (!table.keys) throw new Error(`${table.name} has no primary key`);
    const order = sql.join(table.keys.map((key) => sql`t.${sql.identifier(key)}`), sql`, `);
    const [row] = rowsOf<{ rows: string }>(
      await db.execute(sql`select coalesce(jsonb_agg(to_jsonb(t) order by ${order}), '[]'::jsonb)::text as rows from ${sql.identifier(table.name)} t`),
    );
    dump[table.name] = JSON.parse(row!.rows) as unknown[];
  }
  return dump;
}

/** Timestamps in the past with microseconds, so a restore that rewrote them would show. */
async function ageRows(db: Database) {
  for (const table of ['leads', 'contacts', 'companies', 'activities', 'deals']) {
    await db.execute(sql`update ${sql.identifier(table)} set
      created_at = timestamptz '2025-03-01 09:15:30.123456+00' + id * interval '1 minute 1.000001 second',
      updated_at = timestamptz '2025-04-01 10:00:00.654321+00' + id * interval '1 second'`);
  }
}

const code = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: unknown) => (error instanceof ServiceError ? error.code : String(error)));

async function lead(db: Database, owner: ScopeFixture['managerA1'], values: Partial<typeof leads.$inferInsert> = {}) {
  const [row] = await db
    .insert(leads)
    .values({ title: 'Заявка', phone: '8 (912) 345-67-89', phoneNormalized: '+79123456789', ownerId: owner.id, teamId: owner.teamId, ...values })
    .returning();
  return row!;
}

async function activity(db: Database, owner: ScopeFixture['managerA1'], link: Partial<typeof activities.$inferInsert>, subject = 'Звонок') {
  const [row] = await db.insert(activities).values({ kind: 'call', subject, ownerId: owner.id, direction: 'out', durationSec: 60, doneAt: new Date('2025-05-01T10:00:00Z'), ...link }).returning();
  return row!;
}

describe.each(DRIVERS)('merges on %s', (driver) => {
  const database = useFreshDatabase(driver);

  /** Three duplicate leads with activities, deals, an SLA breach and duplicate links in and out. */
  async function leadWorld(db: Database) {
    const f = await buildScopeFixture(db);
    const [contact] = await db.insert(contacts).values({ lastName: 'Петров', ownerId: f.managerA1.id, phonesNormalized: ['+79123456789'] }).returning();
    const l1 = await lead(db, f.managerA1, { title: 'Петров с сайта', personName: 'Иван' });
    const l2 = await lead(db, f.managerA1, { title: 'ООО Ромашка, Петров', email: 'ivan@romashka.ru', emailNormalized: 'ivan@romashka.ru', duplicateOfLeadId: l1.id, duplicateContactId: contact!.id, utmSource: 'yandex', utmCampaign: 'spring' });
    const l3 = await lead(db, f.managerA1, { title: 'Звонок Петрова', status: 'in_progress', duplicateOfLeadId: l2.id, firstActivityAt: new Date('2025-02-02T08:00:00Z') });
    await db.update(leads).set({ duplicateOfLeadId: l3.id }).where(eq(leads.id, l1.id));
    const outside = await lead(db, f.managerA2, { title: 'Чужой дубль', phoneNormalized: '+79990000000', duplicateOfLeadId: l3.id });
    await activity(db, f.managerA1, { leadId: l1.id });
    await activity(db, f.managerA1, { leadId: l2.id }, 'Письмо');
    await activity(db, f.managerA2, { leadId: l2.id, kind: 'task', direction: null, durationSec: null, doneAt: null, dueAt: new Date('2025-06-01T09:00:00Z') }, 'Перезвонить');
    await activity(db, f.managerA1, { leadId: l3.id });
    await db.update(deals).set({ leadId: l2.id }).where(eq(deals.id, f.deals.a1));
    await db.update(deals).set({ leadId: l3.id }).where(eq(deals.id, f.deals.a2));
    await db.insert(leadSlaBreaches).values({ leadId: l3.id, teamId: f.managerA1.teamId, fromUserId: f.managerA1.id, dueAt: new Date('2025-03-01T12:00:00Z') });
    await ageRows(db);
    const fresh = async (id: number) => (await db.select().from(leads).where(eq(leads.id, id)))[0]!;
    return { f, contact: contact!, l1: await fresh(l1.id), l2: await fresh(l2.id), l3: await fresh(l3.id), outside };
  }

  it('merges three leads with everything pointing at them, then undo restores the whole database exactly', () =>
    inRollback(database().db, async (db) => {
      const { f, contact, l1, l2, l3, outside } = await leadWorld(db);
      const before = await fullDump(db);

      const result = await mergeRecords({ db, actor: f.managerA1 }, {
        entity: 'lead',
        survivorId: l1.id,
        records: [l1, l2, l3].map((l) => ({ id: l.id, version: l.version })),
        fields: { title: l2.id, email: l2.id, utm: l2.id, personName: l1.id },
      });
      expect(result).toMatchObject({ survivorId: l1.id, version: 2, mergedIds: [l2.id, l3.id] });

      const [survivor] = await db.select().from(leads).where(eq(leads.id, l1.id));
      expect(survivor).toMatchObject({
        title: 'ООО Ромашка, Петров', personName: 'Иван', email: 'ivan@romashka.ru', emailNormalized: 'ivan@romashka.ru', utmSource: 'yandex', utmCampaign: 'spring',
        status: 'in_progress', duplicateOfLeadId: null, duplicateContactId: contact.id, version: 2,
        firstActivityAt: new Date('2025-02-02T08:00:00Z'),
      });
      expect(await db.select({ id: leads.id }).from(leads).where(sql`${leads.id} in (${l2.id}, ${l3.id})`)).toEqual([]);
      const moved = await db.select({ leadId: activities.leadId }).from(activities).where(sql`${activities.leadId} is not null`);
      expect(moved.map((a) => a.leadId)).toEqual([l1.id, l1.id, l1.id, l1.id]);
      expect((await db.select({ leadId: deals.leadId }).from(deals).where(sql`${deals.id} in (${f.deals.a1}, ${f.deals.a2})`)).map((d) => d.leadId)).toEqual([l1.id, l1.id]);
      expect((await db.select().from(leadSlaBreaches))[0]!.leadId).toBe(l1.id);
      expect((await db.select().from(leads).where(eq(leads.id, outside.id)))[0]!.duplicateOfLeadId).toBe(l1.id);

      // The survivor's history holds the merged-away leads as they were, and the merge id.
      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'lead.merge'), eq(auditLog.entityId, l1.id)));
      expect(entry!.changes.mergeId).toEqual([null, result.mergeId]);
      const gone = entry!.changes.mergedRecords![0] as { id: number; title: string; phone: string }[];
      expect(gone.map((r) => [r.id, r.title, r.phone])).toEqual([[l2.id, l2.title, l2.phone], [l3.id, l3.title, l3.phone]]);
      expect(entry!.changes.title).toEqual([l1.title, l2.title]);

      const undone = await undoMerge({ db, actor: f.managerA1 }, { mergeId: result.mergeId });
      expect(undone.restoredIds).toEqual([l2.id, l3.id]);
      expect(await fullDump(db)).toEqual(before);
      const [merge] = await db.select().from(merges).where(eq(merges.id, result.mergeId));
      expect(merge).toMatchObject({ isUndone: true, undoneBy: f.managerA1.id });
      const [unmerge] = await db.select().from(auditLog).where(eq(auditLog.action, 'lead.unmerge'));
      expect(unmerge).toMatchObject({ entityId: l1.id, actorId: f.managerA1.id });
      expect(await code(undoMerge({ db, actor: f.managerA1 }, { mergeId: result.mergeId }))).toBe('CONFLICT');
    }));

  it('merges contacts: deals, activities, feedback, invoices and lead links move, phones and e-mails are united; undo restores all', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [company] = await db.insert(companies).values({ name: 'Ромашка', ownerId: f.managerA1.id }).returning();
      const [k1, k2, k3] = await db
        .insert(contacts)
        .values([
          { lastName: 'Петров', firstName: 'Иван', ownerId: f.managerA1.id, phones: ['8 (912) 345-67-89'], phonesNormalized: ['+79123456789'], emails: ['ivan@mail.ru'], emailsNormalized: ['ivan@mail.ru'] },
          { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', position: 'Директор', companyId: company!.id, ownerId: f.managerA1.id, phones: ['+7 912 345 67 89', '+7 495 111-22-33'], phonesNormalized: ['+79123456789', '+74951112233'], emails: ['Petrov@Romashka.ru'], emailsNormalized: ['petrov@romashka.ru'], birthday: '1980-05-17' },
          { lastName: 'Петров', ownerId: f.managerA1.id, emails: ['petrov@romashka.ru'], emailsNormalized: ['petrov@romashka.ru'] },
        ])
        .returning();
      await db.update(deals).set({ contactId: k2!.id }).where(eq(deals.id, f.deals.a1));
      await db.update(deals).set({ contactId: k3!.id }).where(eq(deals.id, f.deals.a2));
      await activity(db, f.managerA1, { contactId: k2!.id });
      await activity(db, f.managerA1, { contactId: k3!.id, kind: 'note', direction: null, durationSec: null }, 'Заметка');
      await lead(db, f.managerA1, { status: 'converted', convertedAt: new Date('2025-01-10T10:00:00Z'), convertedContactId: k2!.id, duplicateContactId: k3!.id });
      await db.insert(feedback).values({ contactId: k3!.id, sentiment: 'positive', text: 'Спасибо', ownerId: f.managerA1.id });
      await db.insert(invoices).values({ year: 2025, seq: 1, contactId: k2!.id, ownerId: f.managerA1.id, total: '1000.00', issueDate: '2025-01-01', dueDate: '2025-01-15' });
      await ageRows(db);
      const before = await fullDump(db);
      const rows = await db.select().from(contacts).orderBy(contacts.id);
      const versions = async () => ({
        deals: (await db.select({ v: deals.version }).from(deals).where(sql`${deals.id} in (${f.deals.a1}, ${f.deals.a2})`).orderBy(deals.id)).map((d) => d.v),
        lead: (await db.select({ v: leads.version }).from(leads))[0]!.v,
      });
      const versionsBefore = await versions();

      const result = await mergeRecords({ db, actor: f.headA }, {
        entity: 'contact',
        survivorId: k1!.id,
        records: rows.map((r) => ({ id: r.id, version: r.version })),
        fields: { middleName: k2!.id, position: k2!.id, companyId: k2!.id, birthday: k2!.id },
      });
      const [survivor] = await db.select().from(contacts).where(eq(contacts.id, k1!.id));
      expect(survivor).toMatchObject({
        middleName: 'Сергеевич', position: 'Директор', companyId: company!.id, birthday: '1980-05-17', version: 2,
        phones: ['8 (912) 345-67-89', '+7 495 111-22-33'],
        phonesNormalized: ['+79123456789', '+74951112233'],
        emails: ['ivan@mail.ru', 'Petrov@Romashka.ru'],
        emailsNormalized: ['ivan@mail.ru', 'petrov@romashka.ru'],
      });
      expect(await db.select().from(contacts)).toHaveLength(1);
      expect((await db.select({ c: deals.contactId }).from(deals).where(sql`${deals.contactId} is not null`)).map((d) => d.c)).toEqual([k1!.id, k1!.id]);
      expect((await db.select({ c: activities.contactId }).from(activities)).map((a) => a.c)).toEqual([k1!.id, k1!.id]);
      expect(await db.select({ a: leads.convertedContactId, b: leads.duplicateContactId }).from(leads)).toEqual([{ a: k1!.id, b: k1!.id }]);
      expect((await db.select().from(feedback))[0]!.contactId).toBe(k1!.id);
      expect((await db.select().from(invoices))[0]!.contactId).toBe(k1!.id);
      // Rows that only pointed at a merged contact changed: their versions moved on (once per row,
      // the lead moved in two columns), so a form opened before the merge cannot write them back.
      expect(await versions()).toEqual({ deals: versionsBefore.deals.map((v) => v + 1), lead: versionsBefore.lead + 1 });

      await undoMerge({ db, actor: f.headA }, { mergeId: result.mergeId });
      expect(await fullDump(db)).toEqual(before);
    }));

  it('merges companies by INN: contacts, deals and lead links move; undo restores all', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [c1, c2] = await db
        .insert(companies)
        .values([
          { name: 'Ромашка', inn: '7707083893', ownerId: f.managerA1.id, emails: ['info@romashka.ru'], emailsNormalized: ['info@romashka.ru'] },
          { name: 'ООО "Ромашка"', inn: '7707083893', region: 'Москва', ownerId: f.managerA1.id, emails: ['sales@romashka.ru'], emailsNormalized: ['sales@romashka.ru'], phones: ['+7 495 000-00-01'], phonesNormalized: ['+74950000001'] },
        ])
        .returning();
      await db.insert(contacts).values([
        { lastName: 'Сидоров', companyId: c2!.id, ownerId: f.managerA1.id },
        { lastName: 'Смирнова', companyId: c2!.id, ownerId: f.managerA2.id },
      ]);
      await db.update(deals).set({ companyId: c2!.id }).where(eq(deals.id, f.deals.a1));
      await activity(db, f.managerA1, { companyId: c2!.id });
      await lead(db, f.managerA1, { duplicateCompanyId: c2!.id });
      await ageRows(db);
      const before = await fullDump(db);

      const groups = await findDuplicateGroups({ db, actor: f.managerA1 }, { entity: 'company' });
      expect(groups.groups.map((g) => [g.records.map((r) => r.id), g.matchedOn])).toEqual([[[c1!.id, c2!.id], ['inn']]]);

      const result = await mergeRecords({ db, actor: f.managerA1 }, {
        entity: 'company',
        survivorId: c1!.id,
        records: [c1!, c2!].map((c) => ({ id: c.id, version: c.version })),
        fields: { name: c2!.id, region: c2!.id },
      });
      expect((await db.select().from(companies))).toMatchObject([
        { id: c1!.id, name: 'ООО "Ромашка"', region: 'Москва', emails: ['info@romashka.ru', 'sales@romashka.ru'], phonesNormalized: ['+74950000001'] },
      ]);
      expect((await db.select({ c: contacts.companyId }).from(contacts)).map((c) => c.c)).toEqual([c1!.id, c1!.id]);
      expect((await db.select().from(deals).where(eq(deals.id, f.deals.a1)))[0]!.companyId).toBe(c1!.id);
      expect(result.mergedIds).toEqual([c2!.id]);

      await undoMerge({ db, actor: f.admin }, { mergeId: result.mergeId });
      expect(await fullDump(db)).toEqual(before);
    }));

  it('moves references from a table it has never heard of (found in the catalog) and puts them back', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await db.execute(sql`create table merge_probe (id serial primary key, contact_id integer references contacts(id), note text)`);
      const [k1, k2] = await db.insert(contacts).values([{ lastName: 'Один', ownerId: f.managerA1.id }, { lastName: 'Два', ownerId: f.managerA1.id }]).returning();
      await db.execute(sql`insert into merge_probe (contact_id, note) values (${k2!.id}, 'a'), (${k2!.id}, 'b'), (${k1!.id}, 'c')`);
      const before = await fullDump(db);
      const { mergeId } = await mergeRecords({ db, actor: f.managerA1 }, { entity: 'contact', survivorId: k1!.id, records: [k1!, k2!].map((k) => ({ id: k.id, version: 1 })) });
      const probe = () => db.execute(sql`select contact_id from merge_probe order by id`).then((r) => rowsOf<{ contact_id: number }>(r).map((row) => row.contact_id));
      expect(await probe()).toEqual([k1!.id, k1!.id, k1!.id]);
      await undoMerge({ db, actor: f.managerA1 }, { mergeId });
      expect(await probe()).toEqual([k2!.id, k2!.id, k1!.id]);
      expect(await fullDump(db)).toEqual(before);
    }));

  it('gives a re-pointed row edited after the merge a new version on undo, never its old one back', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [k1, k2] = await db.insert(contacts).values([{ lastName: 'Один', ownerId: f.managerA1.id }, { lastName: 'Два', ownerId: f.managerA1.id }]).returning();
      await db.update(deals).set({ contactId: k2!.id }).where(eq(deals.id, f.deals.a1));
      const [{ v: start }] = (await db.select({ v: deals.version }).from(deals).where(eq(deals.id, f.deals.a1))) as [{ v: number }];
      const { mergeId } = await mergeRecords({ db, actor: f.managerA1 }, { entity: 'contact', survivorId: k1!.id, records: [k1!, k2!].map((k) => ({ id: k.id, version: 1 })) });
      // A colleague saves the deal after the merge (its contact stays the survivor).
      await db.update(deals).set({ title: 'Правка после слияния', version: start + 2 }).where(eq(deals.id, f.deals.a1));
      await undoMerge({ db, actor: f.managerA1 }, { mergeId });
      const [deal] = await db.select().from(deals).where(eq(deals.id, f.deals.a1));
      expect(deal).toMatchObject({ contactId: k2!.id, title: 'Правка после слияния', version: start + 3 });
    }));

  it('refuses to undo once the survivor is edited again, and a reference moved since stays where it is', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [k1, k2] = await db.insert(contacts).values([{ lastName: 'Один', ownerId: f.managerA1.id }, { lastName: 'Два', ownerId: f.managerA1.id }]).returning();
      const ctx = { db, actor: f.managerA1 };
      const first = await mergeRecords(ctx, { entity: 'contact', survivorId: k1!.id, records: [k1!, k2!].map((k) => ({ id: k.id, version: 1 })) });
      await updateContact(ctx, { id: k1!.id, version: first.version, notes: 'Позвонить в понедельник' });
      const refused = await undoMerge(ctx, { mergeId: first.mergeId }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/edited after the merge/) });
      expect((await db.select().from(merges).where(eq(merges.id, first.mergeId)))[0]!.isUndone).toBe(false);
      expect(await db.select({ id: contacts.id }).from(contacts)).toEqual([{ id: k1!.id }]);
      expect((await listRecentMerges(ctx)).map((m) => [m.id, m.canUndo, m.survivorLabel])).toEqual([[first.mergeId, false, 'Один']]);
    }));

  it('keeps a call logged on the survivor after the merge through the undo, as its first touch', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const a = await lead(db, f.managerA1, { title: 'A' });
      const b = await lead(db, f.managerA1, { title: 'B' });
      const { mergeId } = await mergeRecords({ db, actor: f.managerA1 }, { entity: 'lead', survivorId: a.id, records: [a, b].map((l) => ({ id: l.id, version: 1 })) });
      // Logged later than the merge (the test runs in one transaction, where now() stands still).
      const call = await activity(db, f.managerA1, { leadId: a.id, createdAt: new Date(Date.now() + 60_000), doneAt: new Date('2026-01-05T10:00:00Z') });
      await undoMerge({ db, actor: f.managerA1 }, { mergeId });
      expect((await db.select().from(activities).where(eq(activities.id, call.id)))[0]!.leadId).toBe(a.id);
      expect((await db.select().from(leads).where(eq(leads.id, a.id)))[0]).toMatchObject({ version: 1, title: 'A', firstActivityAt: new Date('2026-01-05T10:00:00Z') });
      expect((await db.select().from(leads).where(eq(leads.id, b.id)))[0]).toMatchObject({ version: 1, title: 'B', firstActivityAt: null });
    }));

  it('lets only the author or an admin undo', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [k1, k2] = await db.insert(contacts).values([{ lastName: 'Один', ownerId: f.managerA1.id }, { lastName: 'Два', ownerId: f.managerA1.id }]).returning();
      const { mergeId } = await mergeRecords({ db, actor: f.managerA1 }, { entity: 'contact', survivorId: k1!.id, records: [k1!, k2!].map((k) => ({ id: k.id, version: 1 })) });
      expect(await code(undoMerge({ db, actor: f.managerA2 }, { mergeId }))).toBe('FORBIDDEN');
      expect(await code(undoMerge({ db, actor: f.headA }, { mergeId }))).toBe('FORBIDDEN');
      expect(await listRecentMerges({ db, actor: f.managerA2 })).toEqual([]);
      expect((await listRecentMerges({ db, actor: f.admin })).map((m) => [m.id, m.canUndo])).toEqual([[mergeId, true]]);
      expect(await code(undoMerge({ db, actor: f.admin }, { mergeId }))).toBe('OK');
      expect((await db.select({ id: contacts.id }).from(contacts).orderBy(contacts.id)).map((c) => c.id)).toEqual([k1!.id, k2!.id]);
      expect(await listRecentMerges({ db, actor: f.managerA1 })).toEqual([]);
    }));

  it('refuses a stale version and writes nothing at all', () =>
    inRollback(database().db, async (db) => {
      const { f, l1, l2, l3 } = await leadWorld(db);
      await db.update(leads).set({ comment: 'Изменил коллега', version: 2 }).where(eq(leads.id, l3.id));
      const before = await fullDump(db, []);
      const error = await mergeRecords({ db, actor: f.managerA1 }, { entity: 'lead', survivorId: l1.id, records: [l1, l2, l3].map((l) => ({ id: l.id, version: 1 })) }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'CONFLICT', details: { currentVersions: { [l3.id]: 2 } } });
      expect(await fullDump(db, [])).toEqual(before);
    }));

  it('keeps merges within scope and permission, and checks what it is given', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const mine = await lead(db, f.managerA1);
      const colleagues = await lead(db, f.managerA2);
      const closed = await lead(db, f.managerA1, { status: 'converted', convertedAt: new Date(), convertedDealId: f.deals.a1 });
      const records = [mine, colleagues].map((l) => ({ id: l.id, version: 1 }));
      const before = await fullDump(db, []);
      expect(await code(mergeRecords({ db, actor: f.managerA1 }, { entity: 'lead', survivorId: mine.id, records }))).toBe('NOT_FOUND');
      expect(await code(mergeRecords({ db, actor: f.headB }, { entity: 'lead', survivorId: mine.id, records }))).toBe('NOT_FOUND');
      expect(await code(mergeRecords({ db, actor: f.executive }, { entity: 'lead', survivorId: mine.id, records }))).toBe('FORBIDDEN');
      expect(await code(mergeRecords({ db, actor: f.headA }, { entity: 'lead', survivorId: mine.id, records: [{ id: mine.id, version: 1 }, { id: closed.id, version: 1 }] }))).toBe('BAD_REQUEST');
      await expect(mergeRecords({ db, actor: f.headA }, { entity: 'lead', survivorId: 999_999, records })).rejects.toThrow(/^survivorId/);
      await expect(mergeRecords({ db, actor: f.headA }, { entity: 'lead', survivorId: mine.id, records, fields: { inn: mine.id } })).rejects.toThrow(/^fields/);
      await expect(mergeRecords({ db, actor: f.headA }, { entity: 'lead', survivorId: mine.id, records, fields: { title: 999_999 } })).rejects.toThrow(/^fields/);
      expect(await fullDump(db, [])).toEqual(before);
      // The head of the team reaches both.
      const merged = await mergeRecords({ db, actor: f.headA }, { entity: 'lead', survivorId: mine.id, records, fields: { ownerId: colleagues.id } });
      expect((await db.select().from(leads).where(eq(leads.id, mine.id)))[0]).toMatchObject({ ownerId: f.managerA2.id, version: 2 });
      expect(merged.mergedIds).toEqual([colleagues.id]);
    }));

  it('groups open duplicate leads in scope, joined through shared phones or e-mails', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const a = await lead(db, f.managerA1, { title: 'A' });
      const b = await lead(db, f.managerA1, { title: 'B', email: 'x@y.ru', emailNormalized: 'x@y.ru' });
      const c = await lead(db, f.managerA1, { title: 'C', phoneNormalized: '+79000000001', email: 'X@y.ru', emailNormalized: 'x@y.ru' });
      const theirs = await lead(db, f.managerA2, { title: 'D' });
      await lead(db, f.managerA1, { title: 'closed', status: 'converted', convertedAt: new Date(), convertedDealId: f.deals.a1 });

      const own = await findDuplicateGroups({ db, actor: f.managerA1 }, { entity: 'lead' });
      expect(own.total).toBe(1);
      expect(own.groups[0]!.records.map((r) => r.label)).toEqual(['A', 'B', 'C']);
      expect(own.groups[0]!.matchedOn).toEqual(['email', 'phone']);
      expect(own.groups[0]!.records[0]).toMatchObject({ id: a.id, version: 1, ownerName: 'Manager A1', values: { phone: '+7 912 345 67 89', title: 'A' } });
      const team = await findDuplicateGroups({ db, actor: f.headA }, { entity: 'lead' });
      expect(team.groups[0]!.records.map((r) => r.id)).toEqual([a.id, b.id, c.id, theirs.id]);
      expect((await findDuplicateGroups({ db, actor: f.managerB1 }, { entity: 'lead' })).total).toBe(0);
      expect(connectedGroups([{ k: 'phone:1', ids: [1, 2] }, { k: 'email:x', ids: [3, 4] }, { k: 'inn:5', ids: [4, 2] }, { k: 'phone:9', ids: [7, 8] }])).toEqual([
        { ids: [7, 8], matchedOn: ['phone'] },
        { ids: [1, 2, 3, 4], matchedOn: ['email', 'inn', 'phone'] },
      ]);
    }));

  it('groups duplicate contacts by any of their phones', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [k1, k2] = await db
        .insert(contacts)
        .values([
          { lastName: 'Петров', ownerId: f.managerA1.id, phones: ['8 912 345-67-89'], phonesNormalized: ['+79123456789'] },
          { lastName: 'Петров', firstName: 'Иван', ownerId: f.managerA1.id, phones: ['+7 495 111 22 33', '+79123456789'], phonesNormalized: ['+74951112233', '+79123456789'] },
          { lastName: 'Другой', ownerId: f.managerA1.id, phonesNormalized: ['+74951112234'] },
        ])
        .returning();
      const { groups } = await findDuplicateGroups({ db, actor: f.managerA1 }, { entity: 'contact' });
      expect(groups).toHaveLength(1);
      expect(groups[0]!.records.map((r) => [r.id, r.label, r.phones])).toEqual([
        [k1!.id, 'Петров', ['+7 912 345 67 89']],
        [k2!.id, 'Петров Иван', ['+7 495 111 22 33', '+7 912 345 67 89']],
      ]);
    }));
});
