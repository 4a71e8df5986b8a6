import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { addCalendarDay, getCalendarYear, removeCalendarDay } from '@/server/services/calendar/calendar-days';
import { addCalendarDayInput, calendarYearInput, removeCalendarDayInput } from '@/server/services/calendar/calendar-schemas';

const adminProcedure = roleProcedure('admin');

/** Admin: the production calendar's exceptions per year. */
export const workCalendarRouter = router({
  year: adminProcedure.input(calendarYearInput).query(({ ctx, input }) => callService(() => getCalendarYear(ctx.service, input))),
  add: adminProcedure.input(addCalendarDayInput).mutation(({ ctx, input }) => callService(() => addCalendarDay(ctx.service, input))),
  remove: adminProcedure.input(removeCalendarDayInput).mutation(({ ctx, input }) => callService(() => removeCalendarDay(ctx.service, input))),
});
