import { z } from 'zod';
import { ABSENCE_KINDS } from '@/db/schema/enums';

const id = z.number().int().positive();
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time as HH:MM' });

export const workScheduleInput = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1, { error: 'pick at least one working day' }).max(7),
    from: timeOfDay,
    to: timeOfDay,
  })
  .refine((schedule) => schedule.from !== schedule.to, { path: ['to'], error: 'the working day must not be empty' })
  .transform((schedule) => ({ ...schedule, days: [...new Set(schedule.days)].sort() }));

export const distributionTeamInput = z.object({ teamId: id.optional() });

export const updateDistributionMemberInput = z.object({
  userId: id,
  version: z.number().int().positive(),
  leadWeight: z.number().int().min(0, { error: 'from 0 (receives no leads) to 100' }).max(100, { error: 'from 0 (receives no leads) to 100' }),
  openLeadCap: z.number().int().min(0).max(100_000).nullable(),
  /** Null: always at work. */
  workSchedule: workScheduleInput.nullable(),
});

export const addAbsenceInput = z
  .object({
    userId: id,
    kind: z.enum(ABSENCE_KINDS),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    note: z.string().trim().max(500).nullish().transform((value) => value || null),
  })
  .refine((absence) => absence.endsOn >= absence.startsOn, { path: ['endsOn'], error: 'ends before it starts' });

export const removeAbsenceInput = z.object({ id });
export const acknowledgeAlertInput = z.object({ id });
