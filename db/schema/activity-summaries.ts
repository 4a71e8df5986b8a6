import { bigint, date, index, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Summary tables of the activity report (DESIGN.md §5, §7): one row per manager and org-local
 * day, kept current by statement-level triggers in the same transaction as every write to the
 * rows they summarise (whatever code path writes them), rebuilt by `npm run db:repair-summaries`.
 * The SQL functions and triggers live in the migration that creates the tables.
 *
 * Their primary keys INCLUDE every figure (added in the migration: drizzle cannot say it), so a
 * team's rows are an index-only scan of its owners' ranges.
 *
 * "Org-local day" uses organisation.time_zone: changing it rebuilds both tables (a trigger on
 * organisation does it in the same transaction). No foreign keys: the rows are derived data, and
 * the summarised rows already guard their owner.
 */

const count = (name: string) => integer(name).notNull().default(0);

/**
 * Activities of one owner (activities.owner_id) on one org-local day. Done activities count on
 * the day of done_at; planned ones (due_at set: tasks, planned calls and meetings) on the day of
 * due_at. Rows whose figures are all zero are deleted, so the table equals a recompute exactly.
 */
export const activityDaily = pgTable(
  'activity_daily',
  {
    ownerId: integer('owner_id').notNull(),
    day: date('day').notNull(),
    /** Done calls: all, incoming, outgoing (a call logged without a direction is in neither). */
    calls: count('calls'),
    callsIn: count('calls_in'),
    callsOut: count('calls_out'),
    /** Sum of duration_sec of the done calls. */
    talkSeconds: count('talk_seconds'),
    meetings: count('meetings'),
    emails: count('emails'),
    /** Done activities of kind task. */
    tasksDone: count('tasks_done'),
    /** Planned activities (due_at set) due on this day … */
    plannedDue: count('planned_due'),
    /** … of them done after their due moment … */
    plannedLate: count('planned_late'),
    /** … and of them still open (done_at null). */
    plannedOpen: count('planned_open'),
  },
  (t) => [
    primaryKey({ columns: [t.ownerId, t.day] }),
    // "Overdue now" reads the few days that still have open planned activities.
    index('activity_daily_open_idx').on(t.ownerId, t.day).where(sql`${t.plannedOpen} > 0`),
  ],
);

/**
 * Leads of one owner (leads.owner_id) created on one org-local day, and how fast they got their
 * first activity (leads.first_activity_at, the first done activity linked to the lead). The
 * response times are also counted in fixed bands, so the median band is exact for any period.
 */
export const leadResponseDaily = pgTable(
  'lead_response_daily',
  {
    ownerId: integer('owner_id').notNull(),
    day: date('day').notNull(),
    leads: count('leads'),
    /** Leads with a first activity. */
    responded: count('responded'),
    /** Sum over the responded leads of first_activity_at − created_at, in microseconds (exact). */
    responseMicros: bigint('response_us', { mode: 'number' }).notNull().default(0),
    /** Responded leads by response time: under 5 min, [5, 15 min), … , 7 days and more (lib/analytics/response-bands.ts). */
    response0To5m: count('response_0_5m'),
    response5To15m: count('response_5m_15m'),
    response15To30m: count('response_15m_30m'),
    response30mTo1h: count('response_30m_1h'),
    response1To2h: count('response_1h_2h'),
    response2To4h: count('response_2h_4h'),
    response4To8h: count('response_4h_8h'),
    response8hTo1d: count('response_8h_1d'),
    response1To2d: count('response_1d_2d'),
    response2To7d: count('response_2d_7d'),
    response7dPlus: count('response_7d_plus'),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.day] })],
);
