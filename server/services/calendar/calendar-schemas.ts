import { z } from 'zod';
import { CALENDAR_DAY_KINDS } from '@/db/schema/enums';

export const calendarYearInput = z.object({ year: z.number().int().min(2000).max(2100) });

/** A day the admin adds to the production calendar (a holiday, a weekend worked, a shortened day). */
export const addCalendarDayInput = z.object({
  day: z.iso.date(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  note: z.string().trim().max(200).optional(),
});
export type AddCalendarDayInput = z.input<typeof addCalendarDayInput>;

export const removeCalendarDayInput = z.object({ id: z.number().int().positive() });
