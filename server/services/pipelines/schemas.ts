import { z } from 'zod';

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(120);
const probability = z.number().int().min(0).max(100);

export const createPipelineInput = z.object({ name });
export const renamePipelineInput = z.object({ id, version: z.number().int().positive(), name });
export const addStageInput = z.object({ pipelineId: id, name, probability: probability.default(50) });
export const updateStageInput = z.object({
  id,
  version: z.number().int().positive(),
  name: name.optional(),
  probability: probability.optional(),
  /** The task a deal's owner gets on entering this stage without an open task; empty turns it off. */
  defaultTaskSubject: z.string().trim().max(300).nullish().transform((value) => (value === undefined ? undefined : value || null)),
  defaultTaskDueHours: z.number().int().min(0).max(720).optional(),
});
/** The open stages of a pipeline in their new order (won and lost stay last). */
export const reorderStagesInput = z.object({ pipelineId: id, stageIds: z.array(id).min(1).max(50) });
export const removeStageInput = z.object({ id, moveDealsToStageId: id.optional() });
