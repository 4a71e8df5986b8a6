import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { companies, contacts, deals, junkReasons, leads } from '@/db/schema';
import { rowsOf, type Database } from '@/db/client';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture, type ScopeFixture } from '@/test/fixtures';
import { ServiceError } from '../errors';
import { convertLead } from './convert-lead';
import { junkLead, startLead } from './lead-status';
import { listLeads } from './list-leads';
import { createLead } from './create-lead';

async function newLead(db: Database, f: ScopeFixture, overrides: Partial<typeof leads.$inferInsert> = {}) {
  const [lead] = await db
    .insert(leads)
    .values({ title: 'Заявка с сайта', personName: 'Иван Петров', phone: '8 (912) 345-67-89', phoneNormalized: '+79123456789', ownerId: f.managerA1.id, teamId: f.managerA1.teamId, ...overrides })
    .returning();
  return lead!;
}

/** Row counts of everything a conversion may write. */
async function snapshot(db: Database) {
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql`select (select count(*)::int from companies) c, (select count(*)::int from contacts) p, (select count(*)::int from deals) d,
      (select count(*)::int from deal_stage_history) h, (select count(*)::int from audit_log) a, (select count(*)::int from leads where status = 'converted') l`),
  );
  return row;
}

describe.each(DRIVERS)('leads on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('converts into a new company, contact and deal in one go, keeping the links', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const lead = await newLead(db, f);
      const result = await convertLead({ db, actor: f.headA }, {
        id: lead.id,
        version: 1,
        company: { mode: 'new', fields: { name: 'ООО "Ромашка"', inn: '7707083893' } },
        contact: { mode: 'new', fields: { lastName: 'Петров', firstName: 'Иван', phones: ['8 (912) 345-67-89'] } },
        deal: { pipelineId: f.pipelineId, title: 'Поставка для Ромашки', amount: '150 000' },
      });
      const [converted] = await db.select().from(leads).where(eq(leads.id, lead.id));
      expect(converted).toMatchObject({ status: 'converted', convertedCompanyId: result.companyId, convertedContactId: result.contactId, convertedDealId: result.dealId });
      const [deal] = await db.select().from(deals).where(eq(deals.id, result.dealId!));
      expect(deal).toMatchObject({ leadId: lead.id, companyId: result.companyId, contactId: result.contactId, ownerId: f.managerA1.id, stageId: f.stages.new, amount: '150000.00', isRepeat: false });
      const [contact] = await db.select().from(contacts).where(eq(contacts.id, result.contactId!));
      expect(contact).toMatchObject({ companyId: result.companyId, phonesNormalized: ['+79123456789'] });
    }));

  it('marks a deal for a client with an earlier win as a repeat deal', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [company] = await db.insert(companies).values({ name: 'Постоянный клиент', ownerId: f.managerA1.id }).returning();
      await db.update(deals).set({ companyId: company!.id, status: 'won', stageId: f.stages.won, closedAt: new Date() }).where(eq(deals.id, f.deals.a1));
      const lead = await newLead(db, f);
      const result = await convertLead({ db, actor: f.managerA1 }, { id: lead.id, version: 1, company: { mode: 'existing', id: company!.id }, deal: { pipelineId: f.pipelineId, title: 'Ещё один заказ' } });
      const [deal] = await db.select().from(deals).where(eq(deals.id, result.dealId!));
      expect(deal!.isRepeat).toBe(true);
    }));

  it('writes nothing when a step fails half-way', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const lead = await newLead(db, f);
      const before = await snapshot(db);
      const error = await convertLead({ db, actor: f.managerA1 }, {
        id: lead.id,
        version: 1,
        company: { mode: 'new', fields: { name: 'Создастся и откатится' } },
        contact: { mode: 'new', fields: { lastName: 'Сидоров' } },
        deal: { pipelineId: 999_999, title: 'Воронки нет' },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).message).toMatch(/^pipelineId/);
      expect(await snapshot(db)).toEqual(before);
      const [unchanged] = await db.select().from(leads).where(eq(leads.id, lead.id));
      expect(unchanged).toMatchObject({ status: 'new', version: 1 });
    }));

  it('junks only with a reason, moves new → in progress, and keeps colleagues’ leads out of reach', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const [reason] = await db.insert(junkReasons).values({ code: `spam-${Math.random()}`, nameRu: 'Спам', nameEn: 'Spam' }).returning();
      const lead = await newLead(db, f);
      expect((await startLead({ db, actor: f.managerA1 }, { id: lead.id, version: 1 })).version).toBe(2);
      await expect(junkLead({ db, actor: f.managerA1 }, { id: lead.id, version: 2 } as never)).rejects.toThrow(/junkReasonId/);
      await expect(junkLead({ db, actor: f.managerA2 }, { id: lead.id, version: 2, junkReasonId: reason!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(junkLead({ db, actor: f.executive }, { id: lead.id, version: 2, junkReasonId: reason!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await junkLead({ db, actor: f.managerA1 }, { id: lead.id, version: 2, junkReasonId: reason!.id, junkComment: 'Реклама' });
      const [junked] = await db.select().from(leads).where(eq(leads.id, lead.id));
      expect(junked).toMatchObject({ status: 'junk', junkReasonId: reason!.id, junkComment: 'Реклама', version: 3 });
      await expect(convertLead({ db, actor: f.managerA1 }, { id: lead.id, version: 3, deal: { pipelineId: f.pipelineId, title: 'x' } })).rejects.toThrow(/already closed/);
    }));

  it('lists within scope, by status and by any spelling of the phone', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await newLead(db, f);
      await newLead(db, f, { title: 'Чужой лид', ownerId: f.managerA2.id, phoneNormalized: '+79000000000' });
      const mine = await listLeads({ db, actor: f.managerA1 }, { filters: { search: '+7 912 3456789' } });
      expect(mine.items.map((l) => l.title)).toEqual(['Заявка с сайта']);
      expect((await listLeads({ db, actor: f.headA }, { filters: { status: 'new' } })).total).toBe(2);
      expect((await listLeads({ db, actor: f.managerA1 }, {})).total).toBe(1);
    }));

  it('filters by the owner\'s team exactly as direct SQL does, within scope', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await newLead(db, f);
      await newLead(db, f, { title: 'A2', ownerId: f.managerA2.id });
      await newLead(db, f, { title: 'B1', ownerId: f.managerB1.id, teamId: f.managerB1.teamId });
      const ids = async (actor: typeof f.executive, teamId: number) =>
        (await listLeads({ db, actor }, { filters: { teamId }, pageSize: 100 })).items.map((l) => l.id).sort((a, b) => a - b);
      const direct = async (teamId: number) =>
        rowsOf<{ id: number }>(await db.execute(sql`select leads.id from leads join users on users.id = leads.owner_id where users.team_id = ${teamId} order by leads.id`)).map((r) => Number(r.id));
      expect(await ids(f.executive, f.headA.teamId!)).toEqual(await direct(f.headA.teamId!));
      expect((await ids(f.executive, f.headA.teamId!)).length).toBe(2);
      expect(await ids(f.executive, f.headB.teamId!)).toEqual(await direct(f.headB.teamId!));
      expect(await ids(f.headA, f.headB.teamId!)).toEqual([]);
      expect((await ids(f.managerA1, f.headA.teamId!)).length).toBe(1);
    }));
});

describe.each(DRIVERS)('creating leads by hand on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('stores normalised phone and e-mail and links the lead, contact and company that already have them', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const earlier = await newLead(db, f, { ownerId: f.managerA2.id });
      const [company] = await db.insert(companies).values({ name: 'Ромашка', ownerId: f.managerB1.id, emailsNormalized: ['zakaz@romashka.ru'] }).returning();
      const [contact] = await db.insert(contacts).values({ lastName: 'Петров', ownerId: f.managerB1.id, phonesNormalized: ['+79123456789'] }).returning();
      const created = await createLead({ db, actor: f.managerA1 }, { personName: 'Иван Петров', phone: '+7 912 345-67-89', email: 'Zakaz@Romashka.RU' });
      expect(created.duplicates).toEqual({ leadId: earlier.id, contactId: contact!.id, companyId: company!.id });
      const [stored] = await db.select().from(leads).where(eq(leads.id, created.id));
      expect(stored).toMatchObject({ phoneNormalized: '+79123456789', emailNormalized: 'zakaz@romashka.ru', duplicateOfLeadId: earlier.id, ownerId: f.managerA1.id, title: 'Иван Петров', status: 'new' });

      const fresh = await createLead({ db, actor: f.headA }, { companyName: 'Новая фирма', phone: '8 (495) 111-22-33', ownerId: f.managerA2.id });
      expect(fresh.duplicates).toEqual({ leadId: null, contactId: null, companyId: null });
      const [assigned] = await db.select().from(leads).where(eq(leads.id, fresh.id));
      expect(assigned).toMatchObject({ ownerId: f.managerA2.id, teamId: f.managerA2.teamId });
    }));

  it('refuses an empty lead, a bad phone and a bad e-mail, naming the field', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await expect(createLead({ db, actor: f.managerA1 }, {})).rejects.toThrow(/phone/);
      await expect(createLead({ db, actor: f.managerA1 }, { phone: '12' })).rejects.toThrow(/^phone/);
      await expect(createLead({ db, actor: f.managerA1 }, { email: 'nope' })).rejects.toThrow(/email/);
      expect(await db.select().from(leads)).toEqual([]);
    }));
});
