import { check, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, money, timestamps, versioned } from './columns';
import { teams, users } from './users';
import { TARGET_METRICS } from './enums';
export { TARGET_METRICS, type TargetMetric } from './enums';

/** A monthly target for one user or one team (exactly one of them). */
export const targets = pgTable(
  'targets',
  {
    id: id(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    /** First day of the month. */
    month: date('month').notNull(),
    metric: text('metric', { enum: TARGET_METRICS }).notNull(),
    value: money('value').notNull(),
    setBy: integer('set_by').references(() => users.id),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    check('targets_one_subject', sql`(${t.userId} is null) <> (${t.teamId} is null)`),
    check('targets_month_first_day', sql`extract(day from ${t.month}) = 1`),
    check(
      'targets_metric_check',
      sql`${t.metric} in ('revenue', 'won_deals', 'new_deals', 'calls', 'meetings')`,
    ),
    check('targets_value_check', sql`${t.value} >= 0`),
    uniqueIndex('targets_user_month_metric_unique')
      .on(t.userId, t.month, t.metric)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('targets_team_month_metric_unique')
      .on(t.teamId, t.month, t.metric)
      .where(sql`${t.teamId} is not null`),
    index('targets_month_idx').on(t.month),
  ],
);
