import { router } from '@/server/trpc/init';
import { authedProcedure, roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { copyPreviousMonth, getTargetGrid, setTargets } from '@/server/services/targets/target-grid';
import { copyTargetsInput, setTargetsInput, targetGridInput } from '@/server/services/targets/target-schemas';
import { getPlanFact } from '@/server/services/targets/plan-fact';
import { planFactInput } from '@/server/services/targets/plan-fact-schemas';
import { applyTargetPlan, getTargetPlan } from '@/server/services/targets/planner';
import { applyTargetPlanInput, targetPlanInput } from '@/server/services/targets/planner-schemas';

/** Monthly targets and plan vs fact (issue 8); every procedure's scope is checked in the service. */
export const targetsRouter = router({
  grid: authedProcedure.input(targetGridInput).query(({ ctx, input }) => callService(() => getTargetGrid(ctx.service, input))),
  planFact: authedProcedure.input(planFactInput).query(({ ctx, input }) => callService(() => getPlanFact(ctx.service, input))),
  set: roleProcedure('head', 'executive', 'admin').input(setTargetsInput).mutation(({ ctx, input }) => callService(() => setTargets(ctx.service, input))),
  copyPreviousMonth: roleProcedure('head', 'admin').input(copyTargetsInput).mutation(({ ctx, input }) => callService(() => copyPreviousMonth(ctx.service, input))),
  plan: roleProcedure('head', 'executive', 'admin').input(targetPlanInput).query(({ ctx, input }) => callService(() => getTargetPlan(ctx.service, input))),
  applyPlan: roleProcedure('head', 'admin').input(applyTargetPlanInput).mutation(({ ctx, input }) => callService(() => applyTargetPlan(ctx.service, input))),
});
