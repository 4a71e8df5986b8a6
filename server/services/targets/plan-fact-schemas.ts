import { z } from 'zod';
import { monthField } from './target-schemas';

/** A month (default: the organisation's current one) and a team (a head or manager: their own). */
export const planFactInput = z.object({ month: monthField.optional(), teamId: z.number().int().positive().optional() }).default({});
export type PlanFactInput = z.input<typeof planFactInput>;
