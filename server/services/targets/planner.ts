import { and, eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { monthClock } from './month-clock';
import { ownerHistories, planningPipeline } from './planner-history';
import { buildPlan, figuresOf, hasEnoughHistory, poolHistories, teamBenchmarks, type Plan, type PlanFigures, type ReachFlag } from './planner-math';
import { applyTargetPlanInput, targetPlanInput, type ApplyTargetPlanInput, type TargetPlanInput } from './planner-schemas';
import { asConflict, readTargetCells, writeTargetCell, type TargetCells } from './target-cells';
import { requireUserTargetSetter } from './target-scope';
import { firstDay, shiftMonth } from './target-schemas';

/** How many months of history the planner reads. */
export const HISTORY_MONTHS = 6;

export interface TargetPlan {
  userId: number;
  name: string;
  month: string;
  /** The history read: the last full months before the planned one (or before this month). */
  window: { from: string; to: string };
  /** own: the manager's history; team: too little of it, the team's pooled figures instead; none: no usable history at all. */
  basis: 'own' | 'team' | 'none';
  pipeline: { id: number; stages: string[] } | null;
  revenue: number | null;
  /** The figures the plan used; the manager's own beside them; the team's best and median. */
  figures: PlanFigures | null;
  own: PlanFigures | null;
  team: { best: PlanFigures; median: PlanFigures; managers: number } | null;
  plan: Plan | null;
  flags: ReachFlag[];
  /** The working days the per-day figures divide by: the whole month, or what is left of it from today. */
  workingDays: { count: number; basis: 'month' | 'left' };
  /** The manager's targets of the month now (the versions to apply the plan over). */
  targets: TargetCells;
}

/** The planned manager: a head's own team member, anyone's for an executive or admin. */
async function plannedManager(ctx: ServiceContext, userId: number) {
  if (!['head', 'executive', 'admin'].includes(ctx.actor.role)) throw new ServiceError('FORBIDDEN', 'The target planner is for heads of sales');
  const [user] = await ctx.db.select({ id: users.id, name: users.name, teamId: users.teamId }).from(users).where(eq(users.id, userId));
  if (!user || (ctx.actor.role === 'head' && (ctx.actor.teamId === null || user.teamId !== ctx.actor.teamId))) throw new ServiceError('NOT_FOUND', 'userId: user not found');
  return user;
}

/**
 * The target planner (DESIGN.md §6, issue 8 §3): from the manager's last six months, what the
 * month's revenue target takes and whether history says it is within reach. A manager with too
 * little history (planner-math MIN_*) is planned on the team's pooled figures, and says so.
 */
export async function getTargetPlan(ctx: ServiceContext, rawInput: TargetPlanInput, options: { now?: Date } = {}): Promise<TargetPlan> {
  const input = targetPlanInput.parse(rawInput);
  const manager = await plannedManager(ctx, input.userId);
  const clock = await monthClock(ctx.db, input.month, options.now ?? new Date());
  const thisMonth = clock.today.slice(0, 7);
  const windowEnd = input.month < thisMonth ? input.month : thisMonth;
  const window = { from: firstDay(shiftMonth(windowEnd, -HISTORY_MONTHS)), to: firstDay(windowEnd) };
  const teamIds = manager.teamId === null
    ? [manager.id]
    : (await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.teamId, manager.teamId), eq(users.role, 'manager'), eq(users.isActive, true)))).map((u) => u.id);
  const ownerIds = teamIds.includes(manager.id) ? teamIds : [...teamIds, manager.id];
  const { byUser } = await readTargetCells(ctx.db, clock.from, [manager.id], []);
  const targets = byUser.get(manager.id)!;
  const revenue = input.revenue ?? (targets.revenue ? Number(targets.revenue.value) : null);
  const workingDays = clock.workingDays.passed > 0 && !clock.over ? { count: clock.workingDays.left, basis: 'left' as const } : { count: clock.workingDays.total, basis: 'month' as const };
  const base = { userId: manager.id, name: manager.name, month: clock.month, window, revenue, workingDays, targets };
  const pipeline = await planningPipeline(ctx.db, ownerIds, window.from, window.to, input.pipelineId);
  if (!pipeline) return { ...base, basis: 'none', pipeline: null, figures: null, own: null, team: null, plan: null, flags: [] };
  const histories = await ownerHistories(ctx.db, ownerIds, window.from, window.to, pipeline);
  const own = histories.get(manager.id)!;
  const teamPool = poolHistories([...histories.values()]);
  const basis = hasEnoughHistory(own) ? 'own' : hasEnoughHistory(teamPool) ? 'team' : 'none';
  const used = basis === 'team' ? teamPool : own;
  const stageNames = pipeline.stages.map((s) => s.name);
  const outcome = revenue === null || basis === 'none' ? { plan: null, flags: [] } : buildPlan(revenue, used, stageNames, workingDays.count);
  return {
    ...base,
    basis,
    pipeline: { id: pipeline.pipelineId, stages: stageNames },
    figures: basis === 'none' ? null : figuresOf(used),
    own: figuresOf(own),
    team: teamBenchmarks(teamIds.map((id) => histories.get(id)!)),
    plan: outcome.plan,
    flags: outcome.flags,
  };
}

/**
 * One click (issue 8 §3): the plan becomes the manager's targets of the month — revenue, won
 * deals, new deals, calls, meetings — recomputed here, never taken from the client, each cell
 * written only over the version the head saw.
 */
export async function applyTargetPlan(ctx: ServiceContext, rawInput: ApplyTargetPlanInput, options: { now?: Date } = {}) {
  const input = applyTargetPlanInput.parse(rawInput);
  await requireUserTargetSetter(ctx.db, ctx.actor, input.userId);
  const { plan } = await getTargetPlan(ctx, { userId: input.userId, month: input.month, revenue: input.revenue, pipelineId: input.pipelineId }, options);
  if (!plan) throw new ServiceError('BAD_REQUEST', 'revenue: there is no history to plan this target on');
  const values = { revenue: input.revenue, won_deals: plan.wonDeals, new_deals: plan.newDeals, calls: plan.calls, meetings: plan.meetings };
  const monthStart = firstDay(input.month);
  await asConflict(() =>
    ctx.db.transaction(async (tx) => {
      for (const [metric, value] of Object.entries(values) as [keyof typeof values, number][]) {
        await writeTargetCell(tx, ctx.actor.id, monthStart, { subject: { userId: input.userId }, metric, value, version: input.versions[metric] });
      }
    }),
  );
  return values;
}
