import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, targets } from '@/db/schema';
import { createCaller } from '@/server/trpc/root';
import { buildScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { copyPreviousMonth, getTargetGrid, setTargets } from './target-grid';

describe.each(DRIVERS)('targets on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('lets a head set, change and clear a manager\'s targets, versioned and audited', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const head = { db, actor: f.headA };
      await setTargets(head, {
        month: '2026-03',
        changes: [
          { subject: { userId: f.managerA1.id }, metric: 'revenue', value: 500000, version: null },
          { subject: { userId: f.managerA2.id }, metric: 'calls', value: 120, version: null },
        ],
      });
      const grid = await getTargetGrid(head, { month: '2026-03' });
      expect(grid.rows.map((r) => r.userId).sort()).toEqual([f.managerA1.id, f.managerA2.id].sort());
      const a1 = grid.rows.find((r) => r.userId === f.managerA1.id)!;
      expect(a1.cells.revenue).toEqual({ value: '500000.00', version: 1 });
      expect(a1.cells.calls).toBeNull();
      await setTargets(head, { month: '2026-03', changes: [{ subject: { userId: f.managerA1.id }, metric: 'revenue', value: 650000.5, version: 1 }] });
      const [row] = await db.select().from(targets).where(and(eq(targets.userId, f.managerA1.id), eq(targets.metric, 'revenue')));
      expect(row).toMatchObject({ value: '650000.50', version: 2, setBy: f.headA.id, month: '2026-03-01' });
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'target'), eq(auditLog.entityId, row!.id)));
      expect(audits.map((a) => [a.action, a.changes.value])).toEqual([
        ['target.create', [null, '500000.00']],
        ['target.update', ['500000.00', '650000.50']],
      ]);
      await setTargets(head, { month: '2026-03', changes: [{ subject: { userId: f.managerA1.id }, metric: 'revenue', value: null, version: 2 }] });
      expect(await db.select().from(targets).where(eq(targets.id, row!.id))).toEqual([]);
    }));

  it('never lets two editors of one cell overwrite each other: a stale save writes nothing', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const head = { db, actor: f.headA };
      const admin = { db, actor: f.admin };
      await setTargets(head, { month: '2026-04', changes: [{ subject: { userId: f.managerA1.id }, metric: 'won_deals', value: 10, version: null }] });
      // Both opened the grid at version 1; the admin saves first.
      await setTargets(admin, { month: '2026-04', changes: [{ subject: { userId: f.managerA1.id }, metric: 'won_deals', value: 12, version: 1 }] });
      const stale = setTargets(head, {
        month: '2026-04',
        changes: [
          { subject: { userId: f.managerA2.id }, metric: 'won_deals', value: 7, version: null },
          { subject: { userId: f.managerA1.id }, metric: 'won_deals', value: 15, version: 1 },
        ],
      });
      await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', details: { userId: f.managerA1.id, metric: 'won_deals', currentValue: '12.00', currentVersion: 2 } });
      const grid = await getTargetGrid(head, { month: '2026-04' });
      expect(grid.rows.find((r) => r.userId === f.managerA1.id)!.cells.won_deals).toEqual({ value: '12.00', version: 2 });
      expect(grid.rows.find((r) => r.userId === f.managerA2.id)!.cells.won_deals).toBeNull();
      // Two editors filling the same empty cell: the second saw it empty too.
      await expect(setTargets(admin, { month: '2026-04', changes: [{ subject: { userId: f.managerA1.id }, metric: 'won_deals', value: 3, version: null }] })).rejects.toMatchObject({ code: 'CONFLICT' });
    }));

  it('copies the previous month into empty cells only', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const head = { db, actor: f.headA };
      await setTargets(head, {
        month: '2026-02',
        changes: [
          { subject: { userId: f.managerA1.id }, metric: 'revenue', value: 300000, version: null },
          { subject: { userId: f.managerA1.id }, metric: 'calls', value: 200, version: null },
        ],
      });
      await setTargets(head, { month: '2026-03', changes: [{ subject: { userId: f.managerA1.id }, metric: 'calls', value: 250, version: null }] });
      expect(await copyPreviousMonth(head, { month: '2026-03' })).toEqual({ copied: 1 });
      const cells = (await getTargetGrid(head, { month: '2026-03' })).rows.find((r) => r.userId === f.managerA1.id)!.cells;
      expect(cells.revenue?.value).toBe('300000.00');
      expect(cells.calls?.value).toBe('250.00');
      await expect(copyPreviousMonth({ db, actor: f.managerA1 }, { month: '2026-03' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }));

  it('scopes reading and setting: a head only the own team, a manager only reads own, team targets by an executive or admin', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await setTargets({ db, actor: f.headB }, { month: '2026-03', changes: [{ subject: { userId: f.managerB1.id }, metric: 'revenue', value: 1000, version: null }] });
      await setTargets({ db, actor: f.headA }, { month: '2026-03', changes: [{ subject: { userId: f.managerA1.id }, metric: 'revenue', value: 2000, version: null }] });
      const teamB = (await getTargetGrid({ db, actor: f.headB }, { month: '2026-03' })).teamId;
      // A head: another team's grid is refused, its managers as good as missing.
      await expect(getTargetGrid({ db, actor: f.headA }, { month: '2026-03', teamId: teamB })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(setTargets({ db, actor: f.headA }, { month: '2026-03', changes: [{ subject: { userId: f.managerB1.id }, metric: 'revenue', value: 5, version: 1 }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(setTargets({ db, actor: f.headA }, { month: '2026-03', changes: [{ subject: { teamId: teamB }, metric: 'revenue', value: 5, version: null }] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // A manager: own row only, never the team's or a colleague's, and no writes.
      const own = await getTargetGrid({ db, actor: f.managerA1 }, { month: '2026-03' });
      expect(own.rows).toEqual([{ userId: f.managerA1.id, name: f.managerA1.name, cells: expect.objectContaining({ revenue: { value: '2000.00', version: 1 } }) }]);
      expect(own.team).toBeNull();
      await expect(getTargetGrid({ db, actor: f.managerA1 }, { month: '2026-03', teamId: teamB })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(setTargets({ db, actor: f.managerA1 }, { month: '2026-03', changes: [{ subject: { userId: f.managerA1.id }, metric: 'revenue', value: 9, version: 1 }] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // Team targets: the executive and the admin.
      await setTargets({ db, actor: f.executive }, { month: '2026-03', changes: [{ subject: { teamId: teamB }, metric: 'revenue', value: 90000, version: null }] });
      expect((await getTargetGrid({ db, actor: f.admin }, { month: '2026-03', teamId: teamB })).team?.revenue).toEqual({ value: '90000.00', version: 1 });
      await expect(setTargets({ db, actor: f.executive }, { month: '2026-03', changes: [{ subject: { userId: f.managerB1.id }, metric: 'revenue', value: 5, version: 1 }] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }));

  it('validates through the router, naming the field, and writes nothing', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const caller = createCaller({ db, user: f.headA });
      await expect(caller.targets.set({ month: '2026-13', changes: [{ subject: { userId: f.managerA1.id }, metric: 'calls', value: 5, version: null }] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('month') });
      await expect(caller.targets.set({ month: '2026-03', changes: [{ subject: { userId: f.managerA1.id }, metric: 'calls', value: 5.5, version: null }] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('value') });
      await expect(caller.targets.set({ month: '2026-03', changes: [{ subject: { userId: f.managerA1.id }, metric: 'revenue', value: -1, version: null }] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('value') });
      expect(await db.select().from(targets).where(eq(targets.userId, f.managerA1.id))).toEqual([]);
      await expect(createCaller({ db, user: f.managerA1 }).targets.grid({ month: '2026-03' })).resolves.toMatchObject({ rows: [{ userId: f.managerA1.id }] });
    }));
});
