import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { auditLog, organisation } from '@/db/schema';
import { createCaller } from '@/server/trpc/root';
import { buildScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { ServiceError } from '../errors';
import { getOrganisationSettings, updateOrganisationSettings } from './organisation-settings';

describe.each(DRIVERS)('organisation settings on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('lets the admin change the churn window, versioned and in the audit log', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      const before = await getOrganisationSettings(ctx);
      expect(before).toMatchObject({ churnWindowDays: 180 });
      expect(await updateOrganisationSettings(ctx, { version: before.version, churnWindowDays: 90 })).toEqual({ version: before.version + 1 });
      expect(await getOrganisationSettings(ctx)).toMatchObject({ churnWindowDays: 90, version: before.version + 1 });
      // The same value again is no change.
      expect(await updateOrganisationSettings(ctx, { version: before.version + 1, churnWindowDays: 90 })).toEqual({ version: before.version + 1 });
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'organisation'), eq(auditLog.action, 'organisation.update')));
      expect(audits).toHaveLength(1);
      expect(audits[0]!.changes).toEqual({ churnWindowDays: [180, 90], version: [before.version, before.version + 1] });
    }));

  it('keeps the seller requisites for documents: formats checked by field, blank clears, audited', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      const { version } = await getOrganisationSettings(ctx);
      const caller = createCaller({ db, user: f.admin });
      for (const [field, value] of [['inn', '12345'], ['kpp', '7701'], ['ogrn', '1'], ['bankBik', '04452522'], ['bankAccount', '4070281000000000000'], ['email', 'not-an-address']] as const) {
        await expect(caller.organisation.updateSettings({ version, [field]: value })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(field) });
      }
      expect((await getOrganisationSettings(ctx)).version).toBe(version);
      await updateOrganisationSettings(ctx, { version, inn: ' 7707083893 ', kpp: '770701001', bankBik: '044525225', bankAccount: '40702810000000000001', legalAddress: 'Москва', email: 'sales@example.ru' });
      expect(await getOrganisationSettings(ctx)).toMatchObject({ inn: '7707083893', kpp: '770701001', bankBik: '044525225', bankAccount: '40702810000000000001', legalAddress: 'Москва', email: 'sales@example.ru', version: version + 1 });
      await updateOrganisationSettings(ctx, { version: version + 1, legalAddress: '  ' });
      expect(await getOrganisationSettings(ctx)).toMatchObject({ legalAddress: null, inn: '7707083893' });
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'organisation'), eq(auditLog.action, 'organisation.update')));
      expect(audits.at(-1)!.changes).toMatchObject({ legalAddress: ['Москва', null] });
    }));

  it('changes the name, time zone, currency and the first-task delay, refusing unknown zones and currencies by field', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      const { version } = await getOrganisationSettings(ctx);
      await updateOrganisationSettings(ctx, { version, name: 'ООО Ромашка', timeZone: 'Asia/Yekaterinburg', currency: 'usd', firstTaskDelayMinutes: 60 });
      expect(await getOrganisationSettings(ctx)).toMatchObject({ name: 'ООО Ромашка', timeZone: 'Asia/Yekaterinburg', currency: 'USD', firstTaskDelayMinutes: 60, churnWindowDays: 180, version: version + 1 });
      const caller = createCaller({ db, user: f.admin });
      for (const [field, value] of [['timeZone', 'Mars/Olympus'], ['currency', 'XYZ'], ['firstTaskDelayMinutes', -1], ['name', '  ']] as const) {
        await expect(caller.organisation.updateSettings({ version: version + 1, [field]: value })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(field) });
      }
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'organisation'), eq(auditLog.action, 'organisation.update')));
      expect(audit!.changes).toMatchObject({ timeZone: ['Europe/Moscow', 'Asia/Yekaterinburg'], currency: ['RUB', 'USD'], firstTaskDelayMinutes: [15, 60] });
    }));

  it('refuses a stale version, a window out of 7 … 1095 days, and every role but the admin', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      const { version } = await getOrganisationSettings(ctx);
      await updateOrganisationSettings(ctx, { version, churnWindowDays: 30 });
      const stale = await updateOrganisationSettings(ctx, { version, churnWindowDays: 60 }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(ServiceError);
      expect(stale).toMatchObject({ code: 'CONFLICT' });
      for (const churnWindowDays of [6, 1096, 30.5]) {
        await expect(createCaller({ db, user: f.admin }).organisation.updateSettings({ version: version + 1, churnWindowDays })).rejects.toMatchObject({
          code: 'BAD_REQUEST',
          message: expect.stringContaining('churnWindowDays'),
        });
      }
      for (const actor of [f.managerA1, f.headA, f.executive]) {
        const refusal = await createCaller({ db, user: actor }).organisation.updateSettings({ version: version + 1, churnWindowDays: 45 }).catch((e: unknown) => e);
        expect(refusal).toBeInstanceOf(TRPCError);
        expect(refusal).toMatchObject({ code: 'FORBIDDEN' });
        await expect(updateOrganisationSettings({ db, actor }, { version: version + 1, churnWindowDays: 45 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
      const [row] = await db.select().from(organisation).where(eq(organisation.id, 1));
      expect(row).toMatchObject({ churnWindowDays: 30, version: version + 1 });
      // The database holds the same range whatever writes to it.
      await expect(db.update(organisation).set({ churnWindowDays: 5 }).where(eq(organisation.id, 1))).rejects.toThrow();
    }));
});
