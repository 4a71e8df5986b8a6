import { describe, expect, it } from 'vitest';
import { deals } from '@/db/schema';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { getBoard, getBoardColumn } from './board';
import { moveDealToStage } from './move-deal';

describe.each(DRIVERS)('kanban board on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('shows open stages with totals of the deals in scope, and pages a column', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      // Twelve more deals of manager A1 in the first stage, one moved on, one lost.
      await db.insert(deals).values(
        Array.from({ length: 12 }, (_, i) => ({
          title: `Extra ${String(i).padStart(2, '0')}`,
          pipelineId: f.pipelineId,
          stageId: f.stages.new,
          ownerId: f.managerA1.id,
          amount: '100.50',
          furthestStageOrder: 1,
        })),
      );
      await moveDealToStage({ db, actor: f.managerA1 }, { id: f.deals.a1, version: 1, stageId: f.stages.meeting });

      const mine = await getBoard({ db, actor: f.managerA1 }, { pipelineId: f.pipelineId, perColumn: 5 });
      expect(mine.columns.map((c) => [c.stage.name, c.count, c.amount])).toEqual([
        ['New', 12, '1206.00'],
        ['Qualification', 0, '0.00'],
        ['Meeting', 1, '1000.00'],
        ['Contract', 0, '0.00'],
      ]);
      expect(mine.columns[0]!.cards).toHaveLength(5);
      expect(mine.wonStage?.name).toBe('Won');
      expect(mine.lostStage?.name).toBe('Lost');

      const rest = await getBoardColumn({ db, actor: f.managerA1 }, { pipelineId: f.pipelineId, stageId: f.stages.new, offset: 5, limit: 50 });
      expect(rest.cards).toHaveLength(7);
      const allIds = [...mine.columns[0]!.cards, ...rest.cards].map((card) => card.id);
      expect(new Set(allIds).size).toBe(12);

      const team = await getBoard({ db, actor: f.headA }, { pipelineId: f.pipelineId });
      expect(team.columns[0]!.count).toBe(14); // A1's 12 + A2's + head A's own
      const filtered = await getBoard({ db, actor: f.headA }, { pipelineId: f.pipelineId, ownerId: f.managerA2.id });
      expect(filtered.columns.map((c) => c.count)).toEqual([1, 0, 0, 0]);
      const otherTeam = await getBoard({ db, actor: f.headB }, { pipelineId: f.pipelineId, ownerId: f.managerA1.id });
      expect(otherTeam.columns.map((c) => c.count)).toEqual([0, 0, 0, 0]);
      const searched = await getBoard({ db, actor: f.executive }, { pipelineId: f.pipelineId, search: 'extra 0' });
      expect(searched.columns[0]!.count).toBe(10);
    }));
});
