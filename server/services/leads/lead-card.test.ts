import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, companies, contacts, junkReasons, leadSources, leads } from '@/db/schema';
import type { Database } from '@/db/client';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture, type ScopeFixture } from '@/test/fixtures';
import { createCaller } from '@/server/trpc/root';
import { ServiceError } from '../errors';
import { createTask } from '../activities/create-task';
import { logActivity } from '../activities/log-activity';
import { createLead } from './create-lead';
import { getLead } from './get-lead';
import { junkLead, startLead } from './lead-status';
import { getLeadTimeline, type HistoryEvent } from './lead-history';
import { updateLead } from './update-lead';

const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: unknown) => (e instanceof ServiceError ? e.code : Promise.reject(e)));

async function newLead(db: Database, f: ScopeFixture, overrides: Partial<typeof leads.$inferInsert> = {}) {
  const [lead] = await db
    .insert(leads)
    .values({ title: 'Заявка с сайта', personName: 'Иван Петров', phone: '8 (912) 345-67-89', phoneNormalized: '+79123456789', ownerId: f.managerA1.id, teamId: f.managerA1.teamId, ...overrides })
    .returning();
  return lead!;
}

const editOf = (lead: typeof leads.$inferSelect) => ({
  id: lead.id,
  version: lead.version,
  title: lead.title,
  personName: lead.personName,
  phone: lead.phone,
  email: lead.email,
  companyName: lead.companyName,
  comment: lead.comment,
  sourceId: lead.sourceId,
});

describe.each(DRIVERS)('the lead card on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('shows a lead only within the scope; a head also sees the team’s leads waiting for an owner', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const owned = await newLead(db, f);
      const waiting = await newLead(db, f, { title: 'Ждёт распределения', ownerId: null, teamId: f.headA.teamId, phoneNormalized: '+79990000001' });
      const see = (actor: ScopeFixture['managerA1'], id: number) => codeOf(getLead({ db, actor }, { id }));
      expect(await see(f.managerA1, owned.id)).toBe('OK');
      expect(await see(f.headA, owned.id)).toBe('OK');
      expect(await see(f.managerA2, owned.id)).toBe('NOT_FOUND');
      expect(await see(f.headB, owned.id)).toBe('NOT_FOUND');
      expect(await see(f.headA, waiting.id)).toBe('OK');
      expect(await see(f.executive, waiting.id)).toBe('OK');
      expect(await see(f.admin, waiting.id)).toBe('OK');
      expect(await see(f.managerA1, waiting.id)).toBe('NOT_FOUND');
      expect(await see(f.headB, waiting.id)).toBe('NOT_FOUND');
      expect(await codeOf(getLeadTimeline({ db, actor: f.managerA2 }, { id: owned.id }))).toBe('NOT_FOUND');
      expect(await codeOf(getLeadTimeline({ db, actor: f.headA }, { id: waiting.id }))).toBe('OK');
      expect(await see(f.managerA1, 999_999)).toBe('NOT_FOUND');
      // Through the router too: a colleague's lead is "not found" for every card procedure.
      const colleague = createCaller({ db, user: f.managerA2 });
      await expect(colleague.leads.byId({ id: owned.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(colleague.leads.history({ id: owned.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(colleague.leads.update({ ...editOf(owned), title: 'Моё' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(createCaller({ db, user: f.executive }).leads.update(editOf(owned))).rejects.toMatchObject({ code: 'FORBIDDEN' });

      // A head can work a waiting lead: edit it and log a call on it.
      expect(await updateLead({ db, actor: f.headA }, { ...editOf(waiting), comment: 'Срочно' })).toEqual({ id: waiting.id, version: 2 });
      await logActivity({ db, actor: f.headA }, { kind: 'call', subject: 'Перезвонил', link: { leadId: waiting.id } });
      await expect(logActivity({ db, actor: f.managerA1 }, { kind: 'call', subject: 'x', link: { leadId: waiting.id } })).rejects.toThrow(/link.leadId/);
    }));

  it('names linked duplicates the actor may see and only says whose the others are', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const colleagues = await newLead(db, f, { title: 'Лид коллеги', ownerId: f.managerB1.id, teamId: f.managerB1.teamId });
      const [contact] = await db.insert(contacts).values({ lastName: 'Петров', firstName: 'Иван', ownerId: f.managerA1.id, phonesNormalized: ['+79123456789'] }).returning();
      const [company] = await db.insert(companies).values({ name: 'Ромашка', ownerId: f.managerB1.id, emailsNormalized: ['zakaz@romashka.ru'] }).returning();
      const created = await createLead({ db, actor: f.managerA1 }, { personName: 'Иван Петров', phone: '+7 912 345-67-89', email: 'zakaz@romashka.ru' });
      const card = await getLead({ db, actor: f.managerA1 }, { id: created.id });
      expect(card.duplicates.lead).toEqual({ id: colleagues.id, label: null, ownerName: 'Manager B1', visible: false });
      expect(card.duplicates.contact).toEqual({ id: contact!.id, label: 'Петров Иван', ownerName: 'Manager A1', visible: true });
      expect(card.duplicates.company).toMatchObject({ id: company!.id, label: null, visible: false });
      expect(card.converted).toEqual({ contact: null, company: null, deal: null });
      expect(card.phoneDisplay).toBe('+7 912 345 67 89');
      const forAdmin = await getLead({ db, actor: f.admin }, { id: created.id });
      expect(forAdmin.duplicates.lead).toMatchObject({ label: 'Лид коллеги', visible: true });
    }));

  it('edits with the version seen: stores the phone normalised, re-links duplicates, writes the audit', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [source] = await db.insert(leadSources).values({ code: `site-${Math.random()}`, nameRu: 'Сайт', nameEn: 'Website' }).returning();
      const earlier = await newLead(db, f, { title: 'Ранний', phoneNormalized: '+74951112233', ownerId: f.managerA2.id });
      const lead = await newLead(db, f);
      const result = await updateLead({ db, actor: f.managerA1 }, { ...editOf(lead), title: 'Поставка окон', phone: '8 (495) 111-22-33', email: 'Ivan@Example.RU', sourceId: source!.id });
      expect(result).toEqual({ id: lead.id, version: 2 });
      const [stored] = await db.select().from(leads).where(eq(leads.id, lead.id));
      expect(stored).toMatchObject({ title: 'Поставка окон', phone: '8 (495) 111-22-33', phoneNormalized: '+74951112233', email: 'ivan@example.ru', emailNormalized: 'ivan@example.ru', sourceId: source!.id, duplicateOfLeadId: earlier.id, version: 2 });
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'lead.update'));
      expect(audit).toMatchObject({ actorId: f.managerA1.id, entityType: 'lead', entityId: lead.id });
      expect(audit!.changes).toMatchObject({ title: ['Заявка с сайта', 'Поставка окон'], sourceId: [null, source!.id], duplicateOfLeadId: [null, earlier.id], version: [1, 2] });

      // Saving what is already there changes nothing and keeps the version.
      expect(await updateLead({ db, actor: f.managerA1 }, { ...editOf(stored!) })).toEqual({ id: lead.id, version: 2 });
      // The earliest lead is not its own duplicate.
      await updateLead({ db, actor: f.managerA2 }, { ...editOf(earlier), comment: 'Позвонить' });
      const [first] = await db.select().from(leads).where(eq(leads.id, earlier.id));
      expect(first!.duplicateOfLeadId).toBeNull();
    }));

  it('answers CONFLICT naming who changed which fields, the system’s assignments included', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const lead = await newLead(db, f);
      await updateLead({ db, actor: f.headA }, { ...editOf(lead), comment: 'Клиент просил перезвонить' });
      // The distribution writes no version into its audit; it came after the version the caller saw.
      await db.update(leads).set({ ownerId: f.managerA2.id, version: 3 }).where(eq(leads.id, lead.id));
      await db.insert(auditLog).values({ actorId: null, action: 'lead.slaReassign', entityType: 'lead', entityId: lead.id, changes: { ownerId: [f.managerA1.id, f.managerA2.id] }, createdAt: new Date(Date.now() + 60_000) });
      const error = await updateLead({ db, actor: f.headA }, { ...editOf(lead), title: 'Моя правка' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect(error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 3 } });
      const changes = (error as ServiceError).details!.changes as { by: string | null; fields: string[] }[];
      expect(changes.map((c) => [c.by, c.fields])).toEqual([
        ['Head A', ['comment']],
        [null, ['ownerId']],
      ]);
      const [unchanged] = await db.select().from(leads).where(eq(leads.id, lead.id));
      expect(unchanged!.title).toBe('Заявка с сайта');
    }));

  it('refuses a bad phone naming the field, closed leads, other people’s leads and the executive', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [reason] = await db.insert(junkReasons).values({ code: `spam-${Math.random()}`, nameRu: 'Спам', nameEn: 'Spam' }).returning();
      const lead = await newLead(db, f);
      await expect(updateLead({ db, actor: f.managerA1 }, { ...editOf(lead), phone: '12' })).rejects.toThrow(/^phone/);
      await expect(updateLead({ db, actor: f.managerA1 }, { ...editOf(lead), title: '' })).rejects.toThrow(/title/);
      expect(await codeOf(updateLead({ db, actor: f.managerA2 }, editOf(lead)))).toBe('NOT_FOUND');
      expect(await codeOf(updateLead({ db, actor: f.executive }, editOf(lead)))).toBe('FORBIDDEN');
      await junkLead({ db, actor: f.managerA1 }, { id: lead.id, version: 1, junkReasonId: reason!.id });
      await expect(updateLead({ db, actor: f.managerA1 }, { ...editOf(lead), version: 2 })).rejects.toThrow(/already closed/);
    }));

  it('tells the lead’s story: activities merged with its history, names resolved, unknown actions shown generically', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [reason] = await db.insert(junkReasons).values({ code: `spam-${Math.random()}`, nameRu: 'Спам', nameEn: 'Spam' }).returning();
      const ctx = { db, actor: f.managerA1 };
      const { id } = await createLead(ctx, { personName: 'Анна', phone: '+7 916 000-11-22' });
      await updateLead(ctx, { id, version: 1, title: 'Анна, окна', personName: 'Анна', phone: '+7 916 000-11-22' });
      await startLead(ctx, { id, version: 2 });
      await logActivity(ctx, { kind: 'call', subject: 'Первый звонок', direction: 'out', durationSec: 120, link: { leadId: id } });
      await createTask(ctx, { subject: 'Отправить прайс', dueAt: new Date('2030-01-10T09:00:00Z'), link: { leadId: id } });
      await db.insert(auditLog).values({ actorId: null, action: 'lead.assign', entityType: 'lead', entityId: id, changes: { ownerId: [null, f.managerA1.id] } });
      await db.insert(auditLog).values({ actorId: f.admin.id, action: 'lead.somethingNew', entityType: 'lead', entityId: id, changes: { flag: [false, true], tags: [[], ['vip', 'b2b']] } });
      await db.insert(auditLog).values({
        actorId: f.managerA1.id,
        action: 'lead.merge',
        entityType: 'lead',
        entityId: id,
        changes: { mergeId: [null, 7], mergedRecords: [[{ id: 41, title: 'Анна, дубль', phone: '+79160001122' }], null], movedReferences: [null, { 'public.activities.lead_id': 2 }] },
      });
      await junkLead(ctx, { id, version: 3, junkReasonId: reason!.id, junkComment: 'Передумала' });

      const timeline = await getLeadTimeline(ctx, { id });
      const activities = timeline.flatMap((item) => (item.type === 'activity' ? [item.activity] : []));
      expect(activities.map((a) => a.subject).sort()).toEqual(['Отправить прайс', 'Первый звонок']);
      // The planned task (due in 2030) is the newest moment in the story.
      expect(timeline[0]).toMatchObject({ type: 'activity', activity: { subject: 'Отправить прайс', doneAt: null } });
      const events = new Map(timeline.flatMap((item) => (item.type === 'event' ? [[item.event.action, item.event] as const] : [])));
      expect([...events.keys()].sort()).toEqual(['lead.assign', 'lead.create', 'lead.junk', 'lead.merge', 'lead.somethingNew', 'lead.start', 'lead.update']);
      const change = (event: HistoryEvent | undefined, field: string) => event?.changes.find((c) => c.field === field);
      expect(change(events.get('lead.update'), 'title')).toEqual({ field: 'title', from: { kind: 'text', text: 'Анна' }, to: { kind: 'text', text: 'Анна, окна' } });
      expect(change(events.get('lead.start'), 'status')).toEqual({ field: 'status', from: { kind: 'status', status: 'new' }, to: { kind: 'status', status: 'in_progress' } });
      expect(change(events.get('lead.start'), 'version')).toBeUndefined();
      expect(change(events.get('lead.junk'), 'junkReasonId')?.to).toEqual({ kind: 'name', ru: 'Спам', en: 'Spam' });
      expect(change(events.get('lead.junk'), 'junkedAt')?.to).toMatchObject({ kind: 'time' });
      expect(events.get('lead.assign')).toMatchObject({ actorName: null, changes: [{ field: 'ownerId', from: null, to: { kind: 'name', ru: 'Manager A1' } }] });
      expect(events.get('lead.somethingNew')).toMatchObject({
        actorName: 'Admin',
        changes: [
          { field: 'flag', from: { kind: 'text', text: 'false' }, to: { kind: 'text', text: 'true' } },
          { field: 'tags', from: null, to: { kind: 'text', text: 'vip, b2b' } },
        ],
      });
      expect(events.get('lead.create')!.actorName).toBe('Manager A1');
      // A merge keeps the merged-away rows: they read as "#id title", not as raw JSON.
      expect(change(events.get('lead.merge'), 'mergedRecords')).toEqual({ field: 'mergedRecords', from: { kind: 'text', text: '#41 Анна, дубль' }, to: null });
      expect(change(events.get('lead.merge'), 'movedReferences')?.to).toEqual({ kind: 'text', text: 'public.activities.lead_id: 2' });
    }));
});
