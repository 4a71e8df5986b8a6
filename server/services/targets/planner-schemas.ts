import { z } from 'zod';
import { TARGET_METRICS } from '@/db/schema/enums';
import { MAX_TARGET, monthField } from './target-schemas';

/** A manager, a month and (optionally) a revenue target: else the manager's revenue target of the month. */
export const targetPlanInput = z.object({
  userId: z.number().int().positive(),
  month: monthField,
  revenue: z.number().positive().max(MAX_TARGET).optional(),
  pipelineId: z.number().int().positive().optional(),
});
export type TargetPlanInput = z.input<typeof targetPlanInput>;

/** Turns the plan into the manager's targets; `versions` are the cells' versions the head saw (null: empty). */
export const applyTargetPlanInput = z.object({
  userId: z.number().int().positive(),
  month: monthField,
  revenue: z.number().positive().max(MAX_TARGET),
  pipelineId: z.number().int().positive().optional(),
  versions: z.object(Object.fromEntries(TARGET_METRICS.map((m) => [m, z.number().int().positive().nullable()])) as Record<(typeof TARGET_METRICS)[number], z.ZodNullable<z.ZodNumber>>),
});
export type ApplyTargetPlanInput = z.input<typeof applyTargetPlanInput>;
