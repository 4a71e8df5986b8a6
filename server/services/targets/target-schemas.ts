import { z } from 'zod';
import { TARGET_METRICS } from '@/db/schema/enums';

/** The largest value numeric(14,2) holds (whole units). */
export const MAX_TARGET = 999_999_999_999;

/** A month as `YYYY-MM`. */
export const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month: expected YYYY-MM');

export const targetGridInput = z.object({ month: monthField, teamId: z.number().int().positive().optional() });
export type TargetGridInput = z.input<typeof targetGridInput>;

/** Exactly one subject: a user's target or a team's. */
const subject = z.union([z.object({ userId: z.number().int().positive() }).strict(), z.object({ teamId: z.number().int().positive() }).strict()]);

/**
 * One cell of the grid to write. `version` is the one the editor saw (null: the cell was empty),
 * so two heads editing the same cell never overwrite each other silently. value null clears it.
 */
export const targetChange = z
  .object({
    subject,
    metric: z.enum(TARGET_METRICS),
    value: z.number().nonnegative().max(MAX_TARGET).nullable(),
    version: z.number().int().positive().nullable(),
  })
  .refine((c) => c.value === null || c.metric === 'revenue' || Number.isInteger(c.value), { message: 'value: a count target is a whole number', path: ['value'] })
  .refine((c) => c.value === null || Math.abs(c.value * 100 - Math.round(c.value * 100)) < 1e-6, { message: 'value: at most two decimals', path: ['value'] });

export const setTargetsInput = z.object({ month: monthField, changes: z.array(targetChange).min(1).max(500) });
export type SetTargetsInput = z.input<typeof setTargetsInput>;

export const copyTargetsInput = z.object({ month: monthField, teamId: z.number().int().positive().optional() });
export type CopyTargetsInput = z.input<typeof copyTargetsInput>;

/** `YYYY-MM` → the month's first day. */
export const firstDay = (month: string) => `${month}-01`;

/** The month after / before `YYYY-MM`. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
