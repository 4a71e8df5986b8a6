import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { users } from '@/db/schema';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { intakeLead } from '../leads/intake-lead';
import { enforceResponseSla } from '../leads/distribution/enforce-response-sla';
import { addAbsence, getDistributionSettings, removeAbsence, updateDistributionMember } from './lead-distribution-settings';
import { acknowledgeLeadAlert, getLeadAlerts } from './lead-alerts';

const NOW = new Date('2026-11-23T09:00:00Z');

describe.each(DRIVERS)('lead distribution settings and alerts on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('a head sets weight, cap and hours of own managers only; a stale version is refused', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const settings = await getDistributionSettings({ db, actor: f.headA }, {}, NOW);
      expect(settings.members.map((m) => m.id).sort()).toEqual([f.managerA1.id, f.managerA2.id].sort());
      expect(settings.members.every((m) => m.atWorkNow)).toBe(true);

      const schedule = { days: [5, 1, 2, 3, 4], from: '09:00', to: '18:00' };
      const saved = await updateDistributionMember({ db, actor: f.headA }, { userId: f.managerA1.id, version: 1, leadWeight: 3, openLeadCap: 20, workSchedule: schedule });
      expect(saved.version).toBe(2);
      const [row] = await db.select({ w: users.leadWeight, cap: users.openLeadCap, s: users.workSchedule }).from(users).where(eq(users.id, f.managerA1.id));
      expect(row).toEqual({ w: 3, cap: 20, s: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' } });

      await expect(updateDistributionMember({ db, actor: f.headA }, { userId: f.managerA1.id, version: 1, leadWeight: 1, openLeadCap: null, workSchedule: null })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(updateDistributionMember({ db, actor: f.headB }, { userId: f.managerA1.id, version: 2, leadWeight: 1, openLeadCap: null, workSchedule: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(updateDistributionMember({ db, actor: f.managerA1 }, { userId: f.managerA1.id, version: 2, leadWeight: 9, openLeadCap: null, workSchedule: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(updateDistributionMember({ db, actor: f.headA }, { userId: f.managerA1.id, version: 2, leadWeight: 101, openLeadCap: null, workSchedule: null })).rejects.toThrow(/leadWeight|100/);
    }));

  it('an absence takes a manager out of the rotation for its days; a manager may mark own, not a colleague\'s', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const absence = await addAbsence({ db, actor: f.managerA1 }, { userId: f.managerA1.id, kind: 'sick_leave', startsOn: '2026-11-23', endsOn: '2026-11-24' });
      await expect(addAbsence({ db, actor: f.managerA1 }, { userId: f.managerA2.id, kind: 'vacation', startsOn: '2026-11-23', endsOn: '2026-11-24' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(addAbsence({ db, actor: f.headA }, { userId: f.managerA2.id, kind: 'vacation', startsOn: '2026-11-25', endsOn: '2026-11-24' })).rejects.toThrow(/endsOn/);
      const settings = await getDistributionSettings({ db, actor: f.headA }, {}, NOW);
      expect(settings.members.find((m) => m.id === f.managerA1.id)).toMatchObject({ atWorkNow: false, absences: [{ kind: 'sick_leave' }] });
      const lead = await intakeLead(db, { apiKeyId: null, teamId: f.managerA1.teamId }, { name: 'Клиент' }, NOW);
      expect(lead.ownerId).toBe(f.managerA2.id);
      await removeAbsence({ db, actor: f.headA }, { id: absence.id });
      expect((await getDistributionSettings({ db, actor: f.headA }, {}, NOW)).members.every((m) => m.atWorkNow)).toBe(true);
    }));

  it('the head sees the SLA breach of own team only, and acknowledging removes it from the board', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const lead = await intakeLead(db, { apiKeyId: null, teamId: f.managerA1.teamId }, { name: 'Клиент без ответа' }, NOW);
      await enforceResponseSla(db, new Date(NOW.getTime() + 30 * 60_000));
      const alerts = await getLeadAlerts({ db, actor: f.headA });
      expect(alerts.breaches.filter((b) => b.leadId === lead.id)).toHaveLength(1);
      expect((await getLeadAlerts({ db, actor: f.headB })).breaches.some((b) => b.leadId === lead.id)).toBe(false);
      const breach = alerts.breaches.find((b) => b.leadId === lead.id)!;
      await expect(acknowledgeLeadAlert({ db, actor: f.headB }, { id: breach.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await acknowledgeLeadAlert({ db, actor: f.headA }, { id: breach.id });
      expect((await getLeadAlerts({ db, actor: f.headA })).breaches.some((b) => b.leadId === lead.id)).toBe(false);
      const [history] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_log where entity_type = 'lead' and entity_id = ${lead.id} and action = 'lead.slaAcknowledge'`));
      expect(history!.n).toBe(1);
    }));
});
