import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, dealStageHistory, deals, stages } from '@/db/schema';
import type { Database } from '@/db/client';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { ServiceError } from '../errors';
import { moveDealToStage } from './move-deal';
import { reopenDeal } from './reopen-deal';

async function dealRow(db: Database, id: number) {
  const [row] = await db.select().from(deals).where(eq(deals.id, id));
  return row!;
}

async function historyOf(db: Database, id: number) {
  return db
    .select({ from: dealStageHistory.fromStageId, to: dealStageHistory.toStageId, by: dealStageHistory.changedBy })
    .from(dealStageHistory)
    .where(eq(dealStageHistory.dealId, id))
    .orderBy(asc(dealStageHistory.id));
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe.each(DRIVERS)('moving deals through stages on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('moves forward, skipping stages, and records history, entry time and audit', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      const before = await dealRow(db, f.deals.a1);
      const moved = await moveDealToStage(ctx, { id: f.deals.a1, version: 1, stageId: f.stages.meeting });
      expect(moved).toEqual({ id: f.deals.a1, version: 2, stageId: f.stages.meeting });
      const after = await dealRow(db, f.deals.a1);
      expect(after).toMatchObject({ stageId: f.stages.meeting, status: 'open', furthestStageOrder: 3, closedAt: null });
      expect(after.stageEnteredAt.getTime()).toBeGreaterThanOrEqual(before.stageEnteredAt.getTime());
      expect(await historyOf(db, f.deals.a1)).toEqual([
        { from: null, to: f.stages.new, by: f.managerA1.id },
        { from: f.stages.new, to: f.stages.meeting, by: f.managerA1.id },
      ]);
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, f.deals.a1), eq(auditLog.action, 'deal.move')));
      expect(audits).toHaveLength(1);
      expect(audits[0]!.changes).toMatchObject({ stageId: [f.stages.new, f.stages.meeting], version: [1, 2] });
    }));

  it('refuses a move backwards and writes nothing', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      await moveDealToStage(ctx, { id: f.deals.a1, version: 1, stageId: f.stages.contract });
      const error = await failure(moveDealToStage(ctx, { id: f.deals.a1, version: 2, stageId: f.stages.qualification }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(/stageId.*forward/);
      expect(await dealRow(db, f.deals.a1)).toMatchObject({ stageId: f.stages.contract, version: 2 });
      expect(await historyOf(db, f.deals.a1)).toHaveLength(2);
    }));

  it('needs a loss reason for the lost stage, then closes the deal for good', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.managerA1 };
      const noReason = await failure(moveDealToStage(ctx, { id: f.deals.a1, version: 1, stageId: f.stages.lost }));
      expect(noReason.message).toMatch(/^lossReasonId/);
      expect(await dealRow(db, f.deals.a1)).toMatchObject({ status: 'open', version: 1 });

      await moveDealToStage(ctx, { id: f.deals.a1, version: 1, stageId: f.stages.lost, lossReasonId: f.lossReasonId, lossComment: 'Too expensive' });
      const lost = await dealRow(db, f.deals.a1);
      expect(lost).toMatchObject({ status: 'lost', lossReasonId: f.lossReasonId, lossComment: 'Too expensive', version: 2 });
      expect(lost.closedAt).toBeInstanceOf(Date);

      const final = await failure(moveDealToStage(ctx, { id: f.deals.a1, version: 2, stageId: f.stages.won }));
      expect(final.message).toMatch(/final/);
    }));

  it('wins with the final amount', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await moveDealToStage({ db, actor: f.managerA1 }, { id: f.deals.a1, version: 1, stageId: f.stages.won, amount: '250 000,00' });
      expect(await dealRow(db, f.deals.a1)).toMatchObject({ status: 'won', amount: '250000.00', furthestStageOrder: 1 });
    }));

  it('refuses a stage of another pipeline', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const other = await buildScopeFixture(db);
      const error = await failure(moveDealToStage({ db, actor: f.managerA1 }, { id: f.deals.a1, version: 1, stageId: other.stages.meeting }));
      expect(error.message).toMatch(/^stageId/);
    }));

  it('lets a head of the same team or an admin reopen, never a manager or another head', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await moveDealToStage({ db, actor: f.managerA1 }, { id: f.deals.a1, version: 1, stageId: f.stages.lost, lossReasonId: f.lossReasonId });
      const reopen = { id: f.deals.a1, version: 2, stageId: f.stages.meeting };
      expect((await failure(reopenDeal({ db, actor: f.managerA1 }, reopen))).code).toBe('FORBIDDEN');
      expect((await failure(reopenDeal({ db, actor: f.headB }, reopen))).code).toBe('NOT_FOUND');
      expect((await failure(reopenDeal({ db, actor: f.executive }, reopen))).code).toBe('FORBIDDEN');
      await reopenDeal({ db, actor: f.headA }, reopen);
      expect(await dealRow(db, f.deals.a1)).toMatchObject({ status: 'open', stageId: f.stages.meeting, closedAt: null, lossReasonId: null, version: 3 });

      await moveDealToStage({ db, actor: f.managerA1 }, { id: f.deals.a1, version: 3, stageId: f.stages.won });
      await reopenDeal({ db, actor: f.admin }, { id: f.deals.a1, version: 4, stageId: f.stages.contract });
      expect(await dealRow(db, f.deals.a1)).toMatchObject({ status: 'open', stageId: f.stages.contract });
    }));

  it('gives a stale second mover a CONFLICT and keeps the first move', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await moveDealToStage({ db, actor: f.headA }, { id: f.deals.a1, version: 1, stageId: f.stages.qualification });
      const error = await failure(moveDealToStage({ db, actor: f.managerA1 }, { id: f.deals.a1, version: 1, stageId: f.stages.contract }));
      expect(error.code).toBe('CONFLICT');
      expect(error.details).toMatchObject({ currentVersion: 2, changes: [{ by: 'Head A', fields: expect.arrayContaining(['stageId']) }] });
      expect(await dealRow(db, f.deals.a1)).toMatchObject({ stageId: f.stages.qualification, version: 2 });
    }));

  it('never lets history go backwards, whatever moves are attempted (property)', async () => {
    const stageKeys = ['new', 'qualification', 'meeting', 'contract', 'won', 'lost'] as const;
    const attempt = fc.record({
      stage: fc.constantFrom(...stageKeys),
      withReason: fc.boolean(),
      staleVersion: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(attempt, { minLength: 1, maxLength: 8 }), (attempts) =>
        inRollback(database().db, async (db) => {
          const f = await buildScopeFixture(db);
          for (const { stage, withReason, staleVersion } of attempts) {
            const { version } = await dealRow(db, f.deals.a1);
            await moveDealToStage(
              { db, actor: f.managerA1 },
              {
                id: f.deals.a1,
                version: staleVersion ? version + 1 : version,
                stageId: f.stages[stage],
                ...(withReason ? { lossReasonId: f.lossReasonId } : {}),
              },
            ).catch((error: unknown) => {
              if (!(error instanceof ServiceError)) throw error;
            });
          }
          const history = await db
            .select({ to: dealStageHistory.toStageId, order: stages.sortOrder, kind: stages.kind })
            .from(dealStageHistory)
            .innerJoin(stages, eq(stages.id, dealStageHistory.toStageId))
            .where(eq(dealStageHistory.dealId, f.deals.a1))
            .orderBy(asc(dealStageHistory.id));
          for (let i = 1; i < history.length; i++) {
            expect(history[i]!.order).toBeGreaterThan(history[i - 1]!.order);
            expect(history[i - 1]!.kind).toBe('open'); // nothing moves on from won or lost
          }
          const deal = await dealRow(db, f.deals.a1);
          expect(deal.stageId).toBe(history.at(-1)!.to);
          expect(deal.version).toBe(history.length);
        }),
      ),
      { numRuns: driver === 'pglite' ? 25 : 40 },
    );
  });
});
