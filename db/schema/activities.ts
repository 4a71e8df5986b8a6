import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps, versioned } from './columns';
import { users } from './users';
import { deals } from './deals';
import { leads } from './leads';
import { companies, contacts } from './clients';
import { ACTIVITY_KINDS, DIRECTIONS } from './enums';
export { ACTIVITY_KINDS, DIRECTIONS, type ActivityKind } from './enums';

/** Calls, meetings, e-mails, tasks and notes. Open task = due_at set and done_at null. */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    result: text('result'),
    direction: text('direction', { enum: DIRECTIONS }),
    durationSec: integer('duration_sec'),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    dealId: integer('deal_id').references(() => deals.id, { onDelete: 'cascade' }),
    leadId: integer('lead_id').references(() => leads.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
    createdBy: integer('created_by').references(() => users.id),
    /** Set on tasks an automation created: the rule and its subject, so no task is ever made twice. */
    automationKey: text('automation_key'),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    check('activities_kind_check', sql`${t.kind} in ('call', 'meeting', 'email', 'task', 'note')`),
    check(
      'activities_direction_check',
      sql`${t.direction} is null or (${t.direction} in ('in', 'out') and ${t.kind} in ('call', 'email'))`,
    ),
    check(
      'activities_duration_check',
      sql`${t.durationSec} is null or (${t.durationSec} >= 0 and ${t.kind} = 'call')`,
    ),
    check('activities_note_not_planned', sql`${t.kind} <> 'note' or ${t.dueAt} is null`),
    // Open tasks of an owner by due date: Today screen and hygiene.
    index('activities_owner_open_due_idx')
      .on(t.ownerId, t.dueAt)
      .where(sql`${t.doneAt} is null and ${t.dueAt} is not null`),
    index('activities_owner_done_idx').on(t.ownerId, t.doneAt),
    index('activities_deal_idx').on(t.dealId, t.createdAt),
    index('activities_lead_idx').on(t.leadId),
    index('activities_contact_idx').on(t.contactId),
    index('activities_company_idx').on(t.companyId),
    index('activities_created_idx').on(t.createdAt),
    uniqueIndex('activities_automation_key_unique').on(t.automationKey).where(sql`${t.automationKey} is not null`),
  ],
);
