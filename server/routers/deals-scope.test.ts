import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createCaller } from '@/server/trpc/root';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { exportDeals } from '@/server/services/deals/export-deals';

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (error: unknown) => (error instanceof TRPCError ? error.code : Promise.reject(error)),
  );

describe.each(DRIVERS)('a manager and a colleague’s deal, through every deals procedure, on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('can neither read, move, reopen, reassign, edit nor export it', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const caller = createCaller({ db, user: f.managerA1 });
      const theirs = f.deals.a2;
      expect(await codeOf(caller.deals.byId({ id: theirs }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.deals.stageHistory({ id: theirs }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.deals.activities({ id: theirs }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.deals.update({ id: theirs, version: 1, title: 'Mine now' }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.deals.move({ id: theirs, version: 1, stageId: f.stages.meeting }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.deals.reopen({ id: theirs, version: 1, stageId: f.stages.meeting }))).toBe('FORBIDDEN');
      expect(await codeOf(caller.deals.reassign({ id: theirs, version: 1, ownerId: f.managerA1.id }))).toBe('FORBIDDEN');

      const listed = await caller.deals.list({ pageSize: 100, filters: { ownerId: f.managerA2.id } });
      expect(listed.items).toEqual([]);
      const board = await caller.deals.board({ pipelineId: f.pipelineId, ownerId: f.managerA2.id });
      expect(board.columns.flatMap((c) => c.cards)).toEqual([]);
      const column = await caller.deals.boardColumn({ pipelineId: f.pipelineId, stageId: f.stages.new });
      expect(column.cards.map((c) => c.id)).toEqual([f.deals.a1]);
      const file = await exportDeals({ db, actor: f.managerA1 }, { format: 'csv' }, 'en');
      expect(file.rowCount).toBe(1);
      expect(file.body.toString()).not.toContain('Deal of A2');
    }));
});
