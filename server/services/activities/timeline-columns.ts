import { sql } from 'drizzle-orm';
import { activities, users } from '@/db/schema';

/** What a timeline shows of an activity (deal, company and contact cards); join users on owner. */
export const timelineColumns = {
  id: activities.id,
  version: activities.version,
  kind: activities.kind,
  subject: activities.subject,
  body: activities.body,
  dueAt: activities.dueAt,
  doneAt: activities.doneAt,
  result: activities.result,
  direction: activities.direction,
  durationSec: activities.durationSec,
  ownerName: users.name,
  createdAt: activities.createdAt,
  /** The deal of a 15-days-after-won "collect feedback" task, whose timeline entry links to the feedback form. */
  feedbackDealId: sql<number | null>`case when ${activities.automationKey} like 'feedback-request:%' then ${activities.dealId} end`,
};
