import { integer, numeric, timestamp } from 'drizzle-orm/pg-core';

/** Shared column helpers: every table has created_at / updated_at (DESIGN.md section 2). */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Optimistic-concurrency counter for editable records: bumped on every update. */
export const versioned = {
  version: integer('version').notNull().default(1),
};

/** Money is numeric(14,2), read as a string so no float ever touches it. */
export const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();
