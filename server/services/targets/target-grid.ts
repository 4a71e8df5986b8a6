import { and, eq, inArray } from 'drizzle-orm';
import { targets } from '@/db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { asConflict, writeTargetCell, readTargetCells, type TargetCells } from './target-cells';
import { copyTargetsInput, firstDay, setTargetsInput, shiftMonth, targetGridInput, type CopyTargetsInput, type SetTargetsInput, type TargetGridInput } from './target-schemas';
import { readableTargetTeam, requireTeamTargetSetter, requireUserTargetSetter, targetEditRights } from './target-scope';

export interface TargetGrid {
  month: string;
  teamId: number;
  teamName: string;
  canEditMembers: boolean;
  canEditTeam: boolean;
  rows: { userId: number; name: string; cells: TargetCells }[];
  /** The team's own targets (a manager does not see them). */
  team: TargetCells | null;
}

/** The month's targets of a team's managers (a manager: own row only) and of the team. */
export async function getTargetGrid(ctx: ServiceContext, rawInput: TargetGridInput): Promise<TargetGrid> {
  const input = targetGridInput.parse(rawInput);
  const team = await readableTargetTeam(ctx.db, ctx.actor, input.teamId);
  const isManager = ctx.actor.role === 'manager';
  const cells = await readTargetCells(ctx.db, firstDay(input.month), team.members.map((m) => m.id), isManager ? [] : [team.teamId]);
  const rights = targetEditRights(ctx.actor);
  return {
    month: input.month,
    teamId: team.teamId,
    teamName: team.teamName,
    canEditMembers: rights.members,
    canEditTeam: rights.team,
    rows: team.members.map((m) => ({ userId: m.id, name: m.name, cells: cells.byUser.get(m.id)! })),
    team: isManager ? null : cells.byTeam.get(team.teamId)!,
  };
}

/**
 * Bulk edit: every changed cell of the grid in one transaction. Each cell is checked for the
 * actor's right and its version first; one stale cell refuses the whole save, nothing written.
 */
export async function setTargets(ctx: ServiceContext, rawInput: SetTargetsInput) {
  const input = setTargetsInput.parse(rawInput);
  const monthStart = firstDay(input.month);
  return asConflict(() =>
    ctx.db.transaction(async (tx) => {
      for (const change of input.changes) {
        if ('userId' in change.subject) await requireUserTargetSetter(tx, ctx.actor, change.subject.userId);
        else requireTeamTargetSetter(ctx.actor);
      }
      for (const change of input.changes) await writeTargetCell(tx, ctx.actor.id, monthStart, change);
      return { written: input.changes.length };
    }),
  );
}

/**
 * Copies the previous month's targets of the team's managers into the month's empty cells; a
 * cell that already holds a target is left alone, so nothing anyone set is overwritten.
 */
export async function copyPreviousMonth(ctx: ServiceContext, rawInput: CopyTargetsInput) {
  const input = copyTargetsInput.parse(rawInput);
  if (ctx.actor.role !== 'head' && ctx.actor.role !== 'admin') throw new ServiceError('FORBIDDEN', 'Only the head of the team or an admin sets targets');
  const team = await readableTargetTeam(ctx.db, ctx.actor, input.teamId);
  const ids = team.members.map((m) => m.id);
  if (ids.length === 0) return { copied: 0 };
  const monthStart = firstDay(input.month);
  return asConflict(() =>
    ctx.db.transaction(async (tx) => {
      const previous = await tx
        .select({ userId: targets.userId, metric: targets.metric, value: targets.value })
        .from(targets)
        .where(and(eq(targets.month, firstDay(shiftMonth(input.month, -1))), inArray(targets.userId, ids)));
      const { byUser } = await readTargetCells(tx, monthStart, ids, []);
      let copied = 0;
      for (const row of previous) {
        if (byUser.get(row.userId!)![row.metric] !== null) continue;
        await writeTargetCell(tx, ctx.actor.id, monthStart, { subject: { userId: row.userId! }, metric: row.metric, value: Number(row.value), version: null });
        copied++;
      }
      return { copied };
    }),
  );
}
