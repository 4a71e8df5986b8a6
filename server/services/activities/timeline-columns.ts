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
};
