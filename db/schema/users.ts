import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps, versioned } from './columns';
import { ROLES, LOCALES, ABSENCE_KINDS, type WorkSchedule } from './enums';
export { ROLES, LOCALES, ABSENCE_KINDS, type Role, type Locale, type AbsenceKind, type WorkSchedule } from './enums';

export const teams = pgTable('teams', {
  id: id(),
  name: text('name').notNull(),
  headId: integer('head_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
  ...timestamps,
  ...versioned,
});

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),
    locale: text('locale', { enum: LOCALES }),
    phone: text('phone'),
    isActive: boolean('is_active').notNull().default(true),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /** Per-user interface choices (e.g. the deals list's columns), by key. */
    preferences: jsonb('preferences').$type<Record<string, unknown>>().notNull().default({}),
    /** Lead distribution: share of new leads relative to teammates (0 = receives none). */
    leadWeight: integer('lead_weight').notNull().default(1),
    /** Lead distribution: no new lead while this many are open (null = no cap). */
    openLeadCap: integer('open_lead_cap'),
    /** Working hours in the organisation's time zone; null = always at work. */
    workSchedule: jsonb('work_schedule').$type<WorkSchedule>(),
    /**
     * Bumped when the password is set or the user is deactivated: a session token signed with an
     * older epoch is refused on its next request, so a stolen or old session dies.
     */
    sessionEpoch: integer('session_epoch').notNull().default(0),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    index('users_team_idx').on(t.teamId),
    check('users_role_check', sql`${t.role} in ('manager', 'head', 'executive', 'admin')`),
    check('users_locale_check', sql`${t.locale} is null or ${t.locale} in ('ru', 'en')`),
    check('users_deactivated_check', sql`${t.isActive} or ${t.deactivatedAt} is not null`),
    check('users_lead_weight_check', sql`${t.leadWeight} between 0 and 100`),
    check('users_open_lead_cap_check', sql`${t.openLeadCap} is null or ${t.openLeadCap} >= 0`),
  ],
);

/** Vacation, sick leave, day off: the user receives no new leads on these days (inclusive). */
export const userAbsences = pgTable(
  'user_absences',
  {
    id: id(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ABSENCE_KINDS }).notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('user_absences_user_idx').on(t.userId, t.endsOn),
    check('user_absences_range_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('user_absences_kind_check', sql`${t.kind} in ('vacation', 'sick_leave', 'day_off', 'business_trip')`),
  ],
);

/** Failed sign-in counter per key (e-mail or IP), kept in the database so every app server agrees. */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  ...timestamps,
});

/**
 * One-time password links (there is no mail server: the link is printed to the server log). Only
 * the SHA-256 of the token is stored; a link works once and until it expires.
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: id(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('password_reset_tokens_hash_unique').on(t.tokenHash), index('password_reset_tokens_user_idx').on(t.userId)],
);
