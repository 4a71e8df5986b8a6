import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import {
  addStageInput,
  createPipelineInput,
  removeStageInput,
  renamePipelineInput,
  reorderStagesInput,
  updateStageInput,
} from '@/server/services/pipelines/schemas';
import { listPipelinesForAdmin } from '@/server/services/pipelines/list-pipelines-admin';
import { createPipeline, renamePipeline } from '@/server/services/pipelines/pipeline-admin';
import { addStage, removeStage, reorderStages, updateStage } from '@/server/services/pipelines/stage-admin';

const adminProcedure = roleProcedure('admin');

export const pipelinesRouter = router({
  list: adminProcedure.query(({ ctx }) => callService(() => listPipelinesForAdmin(ctx.service))),
  create: adminProcedure.input(createPipelineInput).mutation(({ ctx, input }) => callService(() => createPipeline(ctx.service, input))),
  rename: adminProcedure.input(renamePipelineInput).mutation(({ ctx, input }) => callService(() => renamePipeline(ctx.service, input))),
  addStage: adminProcedure.input(addStageInput).mutation(({ ctx, input }) => callService(() => addStage(ctx.service, input))),
  updateStage: adminProcedure.input(updateStageInput).mutation(({ ctx, input }) => callService(() => updateStage(ctx.service, input))),
  reorderStages: adminProcedure.input(reorderStagesInput).mutation(({ ctx, input }) => callService(() => reorderStages(ctx.service, input))),
  removeStage: adminProcedure.input(removeStageInput).mutation(({ ctx, input }) => callService(() => removeStage(ctx.service, input))),
});
