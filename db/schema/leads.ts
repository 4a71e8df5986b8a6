import { bigint, check, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps, versioned } from './columns';
import { users, teams } from './users';
import { junkReasons, leadSources } from './reference';
import { companies, contacts } from './clients';
import { deals } from './deals';
import { LEAD_STATUSES } from './enums';
export { LEAD_STATUSES, type LeadStatus } from './enums';

export const leads = pgTable(
  'leads',
  {
    id: id(),
    title: text('title').notNull(),
    personName: text('person_name'),
    phone: text('phone'),
    email: text('email'),
    /** E.164 digits with country code (+79161234567), for duplicate search. */
    phoneNormalized: text('phone_normalized'),
    emailNormalized: text('email_normalized'),
    companyName: text('company_name'),
    sourceId: integer('source_id').references(() => leadSources.id),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    utmContent: text('utm_content'),
    utmTerm: text('utm_term'),
    comment: text('comment'),
    ownerId: integer('owner_id').references(() => users.id),
    teamId: integer('team_id').references(() => teams.id),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('new'),
    junkReasonId: integer('junk_reason_id').references(() => junkReasons.id),
    junkComment: text('junk_comment'),
    duplicateOfLeadId: integer('duplicate_of_lead_id').references((): AnyPgColumn => leads.id, {
      onDelete: 'set null',
    }),
    /** An existing contact / company with the same phone or e-mail, found when the lead arrived. */
    duplicateContactId: integer('duplicate_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    duplicateCompanyId: integer('duplicate_company_id').references(() => companies.id, { onDelete: 'set null' }),
    convertedContactId: integer('converted_contact_id').references(() => contacts.id),
    convertedCompanyId: integer('converted_company_id').references(() => companies.id),
    convertedDealId: integer('converted_deal_id').references((): AnyPgColumn => deals.id),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    junkedAt: timestamp('junked_at', { withTimezone: true }),
    /** When the first activity on this lead happened (activity report: time to first touch). */
    firstActivityAt: timestamp('first_activity_at', { withTimezone: true }),
    /** When the current owner got the lead by distribution; the response SLA counts from here. */
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    /** Untouched (still new, no activity) by then, the lead goes to the next manager. */
    responseDueAt: timestamp('response_due_at', { withTimezone: true }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    check('leads_status_check', sql`${t.status} in ('new', 'in_progress', 'converted', 'junk')`),
    check(
      'leads_junk_has_reason',
      sql`(${t.status} = 'junk') = (${t.junkReasonId} is not null and ${t.junkedAt} is not null)`,
    ),
    check(
      'leads_converted_has_target',
      sql`${t.status} <> 'converted' or (${t.convertedAt} is not null and coalesce(${t.convertedContactId}, ${t.convertedCompanyId}, ${t.convertedDealId}) is not null)`,
    ),
    index('leads_owner_status_idx').on(t.ownerId, t.status),
    // Leads of a period (conversion, sources) read index-only, org-wide or by owner for a team.
    index('leads_created_idx').on(t.createdAt, t.ownerId, t.sourceId, t.status),
    index('leads_owner_created_idx').on(t.ownerId, t.createdAt, t.sourceId, t.status),
    index('leads_source_created_idx').on(t.sourceId, t.createdAt),
    index('leads_phone_idx').on(t.phoneNormalized),
    index('leads_email_idx').on(t.emailNormalized),
    index('leads_team_status_idx').on(t.teamId, t.status),
    index('leads_response_due_idx').on(t.responseDueAt).where(sql`${t.status} = 'new' and ${t.responseDueAt} is not null`),
  ],
);

/**
 * Weighted round-robin state per team and manager (stride scheduling): the manager at work with
 * the lowest `pass` gets the next lead and moves on by 1 / weight.
 */
export const leadDistributionState = pgTable(
  'lead_distribution_state',
  {
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    pass: numeric('pass', { precision: 24, scale: 9 }).notNull().default('0'),
    assignedCount: bigint('assigned_count', { mode: 'number' }).notNull().default(0),
    lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

/** The team's virtual clock for distribution: a manager back from absence starts from it, not from zero. */
export const leadDistributionTeams = pgTable('lead_distribution_teams', {
  teamId: integer('team_id').primaryKey().references(() => teams.id, { onDelete: 'cascade' }),
  virtualTime: numeric('virtual_time', { precision: 24, scale: 9 }).notNull().default('0'),
});

/** A lead nobody answered within its SLA: the head sees it on the hygiene board until acknowledged. */
export const leadSlaBreaches = pgTable(
  'lead_sla_breaches',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    leadId: integer('lead_id').notNull().references(() => leads.id, { onDelete: 'cascade' }),
    teamId: integer('team_id').references(() => teams.id),
    fromUserId: integer('from_user_id').references(() => users.id),
    toUserId: integer('to_user_id').references(() => users.id),
    /** The deadline that was missed: one breach per lead and deadline, so the rule fires once. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('lead_sla_breaches_once').on(t.leadId, t.dueAt),
    index('lead_sla_breaches_team_open_idx').on(t.teamId).where(sql`${t.acknowledgedAt} is null`),
  ],
);
