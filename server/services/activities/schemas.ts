import { z } from 'zod';

const id = z.number().int().positive();
const subject = z.string().trim().min(1).max(300);
const text = (max: number) => z.string().trim().max(max).nullish().transform((value) => value || null);
const instant = z.coerce.date();

/** What an activity is attached to: at least one of a deal, lead, contact or company. */
export const activityLink = z
  .object({ dealId: id.optional(), leadId: id.optional(), contactId: id.optional(), companyId: id.optional() })
  .refine((link) => Boolean(link.dealId || link.leadId || link.contactId || link.companyId), {
    error: 'attach the activity to a deal, lead, contact or company',
  });

/** Something that happened: a call, a meeting, an e-mail or a note. */
export const logActivityInput = z
  .object({
    kind: z.enum(['call', 'meeting', 'email', 'note']),
    subject,
    body: text(5000),
    result: text(1000),
    direction: z.enum(['in', 'out']).optional(),
    durationSec: z.number().int().min(0).max(24 * 3600).optional(),
    doneAt: instant.optional(),
    link: activityLink,
  })
  .refine((input) => input.direction === undefined || input.kind === 'call' || input.kind === 'email', {
    path: ['direction'],
    error: 'only calls and e-mails have a direction',
  })
  .refine((input) => input.durationSec === undefined || input.kind === 'call', {
    path: ['durationSec'],
    error: 'only calls have a duration',
  });
export type LogActivityInput = z.input<typeof logActivityInput>;

/** Something to do: a task, or a planned call or meeting, due at a moment. */
export const createTaskInput = z.object({
  kind: z.enum(['task', 'call', 'meeting']).default('task'),
  subject,
  body: text(5000),
  dueAt: instant,
  /** Someone else's task (a head's control task for a team member); the actor's own by default. */
  ownerId: id.optional(),
  link: activityLink,
});
export type CreateTaskInput = z.input<typeof createTaskInput>;

export const completeTaskInput = z.object({ id, version: z.number().int().positive(), result: text(1000) });
export const rescheduleTaskInput = z.object({ id, version: z.number().int().positive(), dueAt: instant });
export const reassignTaskInput = z.object({ id, version: z.number().int().positive(), ownerId: id });
