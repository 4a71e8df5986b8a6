import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { rowsOf, type Database } from '@/db/client';
import { users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { keepOneActiveAdmin, requireAdmin } from './admin-guard';
import { deactivateUserInput, reactivateUserInput } from './schemas';
import { clearHeadship } from './teams';
import { lockUser } from './update-user';
import { moveOwnedRows } from '../move-owned-rows';

/**
 * What a leaving user still owns that someone must carry on: open deals, open leads, open tasks
 * and planned calls / meetings, their clients, proposals on open deals and unpaid invoices.
 * Closed deals, done activities and feedback stay with them: that is history.
 */
const HANDOVER = [
  { table: 'deals', entityType: 'deal', open: sql`status = 'open'`, alsoSet: null },
  // A lead belongs to its owner's team (distribution and the head's view go by it).
  { table: 'leads', entityType: 'lead', open: sql`status in ('new', 'in_progress')`, alsoSet: (toId: number) => sql`, team_id = (select team_id from users where id = ${toId})` },
  { table: 'activities', entityType: 'activity', open: sql`done_at is null`, alsoSet: null },
  { table: 'companies', entityType: 'company', open: sql`true`, alsoSet: null },
  { table: 'contacts', entityType: 'contact', open: sql`true`, alsoSet: null },
  { table: 'proposals', entityType: 'proposal', open: sql`exists (select 1 from deals d where d.id = proposals.deal_id and d.status = 'open')`, alsoSet: null },
  { table: 'invoices', entityType: 'invoice', open: sql`status in ('draft', 'issued')`, alsoSet: null },
] as const;

export type HandoverCounts = Record<(typeof HANDOVER)[number]['entityType'], number>;

/** Moves everything open from one owner to another, each row versioned and audited, in the caller's transaction. */
async function handOver(tx: Database, actorId: number, fromId: number, toId: number): Promise<HandoverCounts> {
  const counts = {} as HandoverCounts;
  for (const { table, entityType, open, alsoSet } of HANDOVER) {
    counts[entityType] = await moveOwnedRows(tx, { table, entityType, where: sql`owner_id = ${fromId} and ${open}`, toId, actorId, alsoSet: alsoSet?.(toId) });
  }
  return counts;
}

async function ownsAnythingOpen(tx: Database, userId: number) {
  for (const { table, open } of HANDOVER) {
    const result = await tx.execute(sql`select 1 from ${sql.identifier(table)} where owner_id = ${userId} and ${open} limit 1`);
    if (rowsOf(result).length > 0) return true;
  }
  return false;
}

/**
 * Deactivates a user in one transaction: their open work goes to the chosen colleague (nothing is
 * left without an owner), they stop heading any team, and their sessions end on the next request
 * (the active flag and the session epoch are both checked per request). The last active admin
 * cannot be deactivated, and an admin cannot deactivate themself.
 */
export async function deactivateUser(ctx: ServiceContext, rawInput: z.input<typeof deactivateUserInput>) {
  requireAdmin(ctx);
  const input = deactivateUserInput.parse(rawInput);
  if (input.id === ctx.actor.id) throw new ServiceError('BAD_REQUEST', 'id: you cannot deactivate yourself');
  return ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, input.id, input.version);
    if (!user.isActive) return { id: user.id, version: user.version, handedOver: null };
    if (user.role === 'admin') await keepOneActiveAdmin(tx, user.id);
    let handedOver: HandoverCounts | null = null;
    if (input.successorId !== null) {
      if (input.successorId === user.id) throw new ServiceError('BAD_REQUEST', 'successorId: choose another person');
      const [successor] = await tx.select().from(users).where(eq(users.id, input.successorId)).for('update');
      if (!successor || !successor.isActive || (successor.role !== 'manager' && successor.role !== 'head')) {
        throw new ServiceError('BAD_REQUEST', 'successorId: choose an active manager or head');
      }
      handedOver = await handOver(tx, ctx.actor.id, user.id, successor.id);
    } else if (await ownsAnythingOpen(tx, user.id)) {
      throw new ServiceError('BAD_REQUEST', 'successorId: the user still owns open deals, leads, tasks or clients; choose who takes them over');
    }
    await clearHeadship(tx, ctx.actor.id, user.id);
    const now = new Date();
    await tx
      .update(users)
      .set({ isActive: false, deactivatedAt: now, sessionEpoch: sql`${users.sessionEpoch} + 1`, version: user.version + 1, updatedAt: now })
      .where(eq(users.id, user.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'user.deactivate',
      entityType: 'user',
      entityId: user.id,
      changes: {
        isActive: [true, false],
        deactivatedAt: [null, now.toISOString()],
        version: [user.version, user.version + 1],
        ...(handedOver ? { handedOverTo: [null, input.successorId], handedOver: [null, handedOver] } : {}),
      },
    });
    return { id: user.id, version: user.version + 1, handedOver };
  });
}

/** Brings a deactivated user back; what was handed over stays with its new owners. */
export async function reactivateUser(ctx: ServiceContext, rawInput: z.input<typeof reactivateUserInput>) {
  requireAdmin(ctx);
  const input = reactivateUserInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, input.id, input.version);
    if (user.isActive) return { id: user.id, version: user.version };
    await tx.update(users).set({ isActive: true, deactivatedAt: null, version: user.version + 1, updatedAt: new Date() }).where(eq(users.id, user.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'user.reactivate',
      entityType: 'user',
      entityId: user.id,
      changes: { isActive: [false, true], deactivatedAt: [user.deactivatedAt?.toISOString() ?? null, null], version: [user.version, user.version + 1] },
    });
    return { id: user.id, version: user.version + 1 };
  });
}
