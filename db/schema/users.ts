import {
  type AnyPgColumn,
  boolean,
  check,
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
import { ROLES, LOCALES } from './enums';
export { ROLES, LOCALES, type Role, type Locale } from './enums';

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
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    index('users_team_idx').on(t.teamId),
    check('users_role_check', sql`${t.role} in ('manager', 'head', 'executive', 'admin')`),
    check('users_locale_check', sql`${t.locale} is null or ${t.locale} in ('ru', 'en')`),
    check('users_deactivated_check', sql`${t.isActive} or ${t.deactivatedAt} is not null`),
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
