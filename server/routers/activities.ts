import { router } from '@/server/trpc/init';
import { authedProcedure, operationalProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import {
  completeTaskInput,
  createTaskInput,
  logActivityInput,
  reassignTaskInput,
  rescheduleTaskInput,
} from '@/server/services/activities/schemas';
import { logActivity } from '@/server/services/activities/log-activity';
import { createTask } from '@/server/services/activities/create-task';
import { completeTask, reassignTask, rescheduleTask } from '@/server/services/activities/task-changes';
import { calendarInput, getWeekCalendar } from '@/server/services/activities/calendar';

export const activitiesRouter = router({
  week: authedProcedure.input(calendarInput).query(({ ctx, input }) => callService(() => getWeekCalendar(ctx.service, input))),
  log: operationalProcedure.input(logActivityInput).mutation(({ ctx, input }) => callService(() => logActivity(ctx.service, input))),
  createTask: operationalProcedure.input(createTaskInput).mutation(({ ctx, input }) => callService(() => createTask(ctx.service, input))),
  completeTask: operationalProcedure.input(completeTaskInput).mutation(({ ctx, input }) => callService(() => completeTask(ctx.service, input))),
  rescheduleTask: operationalProcedure.input(rescheduleTaskInput).mutation(({ ctx, input }) => callService(() => rescheduleTask(ctx.service, input))),
  reassignTask: operationalProcedure.input(reassignTaskInput).mutation(({ ctx, input }) => callService(() => reassignTask(ctx.service, input))),
});
