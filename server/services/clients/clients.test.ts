import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, companies, deals } from '@/db/schema';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { ServiceError } from '../errors';
import { getCompany, getContact } from './get-client';
import { listCompanies } from './list-companies';
import { listContacts } from './list-contacts';
import { createCompany, updateCompany } from './save-company';
import { createContact } from './save-contact';
import { exportClients } from './export-clients';
import ExcelJS from 'exceljs';

describe.each(DRIVERS)('companies and contacts on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('stores normalised phones and e-mails, finds by them, and tracks new vs returning', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      const company = await createCompany(ctx, {
        name: 'ООО "Северный ветер"',
        inn: '7707083893',
        phones: ['8 (495) 123-45-67'],
        emails: ['Info@Veter.RU'],
      });
      const [stored] = await db.select().from(companies).where(eq(companies.id, company.id));
      expect(stored).toMatchObject({ phonesNormalized: ['+74951234567'], emailsNormalized: ['info@veter.ru'], phones: ['8 (495) 123-45-67'] });
      const contact = await createContact(ctx, { lastName: 'Смирнова', firstName: 'Анна', companyId: company.id, phones: ['+7 916 000-11-22'] });

      for (const search of ['+7 495 1234567', 'info@veter.ru', 'северный', '7707083893']) {
        expect((await listCompanies(ctx, { search })).items.map((c) => c.id)).toEqual([company.id]);
      }
      expect((await listContacts(ctx, { search: '89160001122' })).items.map((c) => [c.id, c.phoneDisplay])).toEqual([[contact.id, '+7 916 000 11 22']]);
      expect((await listCompanies(ctx, { search: 'северный' })).items[0]!.phoneDisplay).toBe('+7 495 123 45 67');

      expect((await getCompany(ctx, { id: company.id })).isReturning).toBe(false);
      await db.update(deals).set({ companyId: company.id, stageId: f.stages.won, status: 'won', closedAt: new Date() }).where(eq(deals.id, f.deals.a1));
      expect((await getCompany(ctx, { id: company.id })).isReturning).toBe(true);
      expect((await getContact(ctx, { id: contact.id })).isReturning).toBe(true);
      expect((await listCompanies(ctx, { status: 'new' })).items).toEqual([]);
    }));

  it('refuses a wrong INN, a bad phone and a bad e-mail, naming the field, and writes nothing', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      await expect(createCompany(ctx, { name: 'X', inn: '7707083894' })).rejects.toThrow(/inn/);
      await expect(createCompany(ctx, { name: 'X', phones: ['12'] })).rejects.toThrow(/phones/);
      await expect(createCompany(ctx, { name: 'X', emails: ['not-an-email'] })).rejects.toThrow(/emails/);
      expect(await db.select().from(companies)).toEqual([]);
      expect(await db.select().from(auditLog)).toEqual([]);
    }));

  it('keeps colleagues’ clients out of reach and refuses stale or executive edits', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const company = await createCompany({ db, actor: f.managerA1 }, { name: 'Mine' });
      const code = (p: Promise<unknown>) => p.then(() => 'OK', (e: ServiceError) => e.code);
      expect(await code(getCompany({ db, actor: f.managerA2 }, { id: company.id }))).toBe('NOT_FOUND');
      expect(await code(updateCompany({ db, actor: f.managerA2 }, { id: company.id, version: 1, name: 'Stolen' }))).toBe('NOT_FOUND');
      expect(await code(updateCompany({ db, actor: f.executive }, { id: company.id, version: 1, name: 'Nope' }))).toBe('FORBIDDEN');
      expect(await code(createContact({ db, actor: f.managerA2 }, { lastName: 'Иванов', companyId: company.id }))).toBe('BAD_REQUEST');
      await updateCompany({ db, actor: f.headA }, { id: company.id, version: 1, segment: 'A' });
      expect(await code(updateCompany({ db, actor: f.managerA1 }, { id: company.id, version: 1, segment: 'B' }))).toBe('CONFLICT');
      expect((await getCompany({ db, actor: f.managerA1 }, { id: company.id })).segment).toBe('A');
    }));
});

describe.each(DRIVERS)('client exports on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('exports only the actor’s filtered companies and contacts, with readable phones, and logs it', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const mine = await createCompany({ db, actor: f.managerA1 }, { name: 'Альфа', phones: ['84951234567'] });
      await createCompany({ db, actor: f.managerA1 }, { name: 'Бета' });
      await createCompany({ db, actor: f.managerA2 }, { name: 'Чужая' });
      await createContact({ db, actor: f.managerA1 }, { lastName: 'Иванов', companyId: mine.id, birthday: '1990-05-17' });
      const companiesCsv = await exportClients({ db, actor: f.managerA1 }, { kind: 'companies', format: 'csv', search: 'альфа' }, 'ru');
      expect(companiesCsv.rowCount).toBe(1);
      const text = companiesCsv.body.toString('utf8');
      expect(text).toContain('Альфа');
      expect(text).toContain('+7 495 123 45 67');
      expect(text).not.toContain('Чужая');
      const contactsXlsx = await exportClients({ db, actor: f.headA }, { kind: 'contacts', format: 'xlsx' }, 'en');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(contactsXlsx.body as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Contacts')!;
      expect(sheet.getRow(2).getCell(2).value).toBe('Иванов');
      expect(sheet.getRow(2).getCell(7).value).toEqual(new Date('1990-05-17T00:00:00Z'));
      expect(await db.select().from(auditLog).where(eq(auditLog.action, 'company.export'))).toHaveLength(1);
    }));
});
