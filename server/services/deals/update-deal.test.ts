import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { auditLog, deals } from '@/db/schema';
import type { Database } from '@/db/client';
import { createCaller } from '@/server/trpc/root';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { updateDeal } from './update-deal';
import { ServiceError } from '../errors';

async function snapshot(db: Database, dealId: number) {
  const [deal] = await db.select().from(deals).where(eq(deals.id, dealId));
  const audits = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'deal'), eq(auditLog.entityId, dealId)));
  return { deal, audits };
}

describe.each(DRIVERS)('deals.update on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it.each([
    [{ amount: '-5' }, 'amount'],
    [{ amount: '12.345' }, 'amount'],
    [{ title: '' }, 'title'],
    [{ expectedCloseDate: '2026-13-45' }, 'expectedCloseDate'],
  ])('refuses %o with BAD_REQUEST naming the field and writes nothing', (patch, field) =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const before = await snapshot(db, f.deals.a1);
      const caller = createCaller({ db, user: f.managerA1 });
      const error = await caller.deals
        .update({ id: f.deals.a1, version: 1, ...patch } as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect((error as TRPCError).message).toContain(field);
      expect(await snapshot(db, f.deals.a1)).toEqual(before);
    }),
  );

  it('saves the change, bumps the version and writes the audit row with old → new', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const result = await updateDeal(
        { db, actor: f.managerA1 },
        { id: f.deals.a1, version: 1, amount: '1 500 000,50', title: 'Bigger deal' },
      );
      expect(result.version).toBe(2);
      const { deal, audits } = await snapshot(db, f.deals.a1);
      expect(deal).toMatchObject({ amount: '1500000.50', title: 'Bigger deal', version: 2 });
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({
        action: 'deal.update',
        actorId: f.managerA1.id,
        changes: {
          amount: ['1000.00', '1500000.50'],
          title: ['Deal of A1', 'Bigger deal'],
          version: [1, 2],
        },
      });
    }),
  );

  it('gives the second of two editors a CONFLICT naming who changed which fields', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await updateDeal({ db, actor: f.headA }, { id: f.deals.a1, version: 1, amount: '2000' });
      const conflict = await updateDeal(
        { db, actor: f.managerA1 },
        { id: f.deals.a1, version: 1, title: 'My stale edit' },
      ).catch((e: unknown) => e);
      expect(conflict).toBeInstanceOf(ServiceError);
      expect((conflict as ServiceError).code).toBe('CONFLICT');
      expect((conflict as ServiceError).details).toMatchObject({
        currentVersion: 2,
        changes: [{ by: 'Head A', fields: ['amount'] }],
      });
      const { deal } = await snapshot(db, f.deals.a1);
      expect(deal).toMatchObject({ title: 'Deal of A1', amount: '2000.00', version: 2 });
    }),
  );
});
