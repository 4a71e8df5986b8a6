import { sql, type SQL } from 'drizzle-orm';
import { activityReport } from '@/server/services/analytics/activity-report';
import type { BenchScope, ReportBenchCase } from './case';
import { instants, ownedBy } from './scope-sql';

/**
 * By hand, over the activities, leads (with their stored first_activity_at) and targets
 * themselves: done activities of the year and the year before by manager and local day, planned
 * ones by their due day with overdue as of now, open and overdue now per manager, the leads'
 * first response with its bands, the pro-rated targets and the names. The service reads the
 * activity_daily and lead_response_daily summaries instead (DESIGN.md §7).
 */
/** Responded leads per first-response band (lib/analytics/response-bands.ts), as counts. */
const BAND_COUNTS = sql.raw(Array.from({ length: 11 }, (_, band) => `count(*) filter (where band = ${band})`).join(', '));

export const activityCase: ReportBenchCase = {
  report: 'activity',
  run: (ctx, filters) => activityReport(ctx, filters),
  handWritten(scope: BenchScope): SQL[] {
    const at = instants(scope);
    const day = (column: string) => sql.raw(`(${column} at time zone '${scope.timeZone}')::date`);
    const week = (column: string) => sql.raw(`date_trunc('week', ${column} at time zone '${scope.timeZone}')`);
    return [
      sql`
        select done_at >= ${at.from} as cur, case when done_at >= ${at.from} then owner_id end as owner, ${day('done_at')} as d, ${week('done_at')} as w,
               count(*) filter (where kind = 'call'), count(*) filter (where kind = 'call' and direction = 'in'),
               count(*) filter (where kind = 'call' and direction = 'out'), sum(duration_sec) filter (where kind = 'call'),
               count(*) filter (where kind = 'meeting'), count(*) filter (where kind = 'email'), count(*) filter (where kind = 'task')
        from activities
        where done_at >= ${at.previousFrom} and done_at < ${at.to} and kind <> 'note' and ${ownedBy(scope, 'owner_id')}
        group by grouping sets ((1), (1, 2), (1, 3), (1, 4))`,
      sql`
        select due_at >= ${at.from} as cur, case when due_at >= ${at.from} then owner_id end as owner, ${day('due_at')} as d, ${week('due_at')} as w,
               count(*), count(*) filter (where done_at > due_at or (done_at is null and due_at < now()))
        from activities
        where due_at >= ${at.previousFrom} and due_at < ${at.to} and ${ownedBy(scope, 'owner_id')}
        group by grouping sets ((1), (1, 2), (1, 3), (1, 4))`,
      sql`
        select owner_id, count(*) from activities
        where done_at is null and due_at is not null and due_at < now() and ${ownedBy(scope, 'owner_id')}
        group by owner_id`,
      sql`
        with timed as (
          select created_at >= ${at.from} as cur, owner_id, first_activity_at,
                 extract(epoch from first_activity_at - created_at) as seconds
          from leads
          where created_at >= ${at.previousFrom} and created_at < ${at.to} and owner_id is not null and ${ownedBy(scope, 'owner_id')}
        )
        select cur, case when cur then owner_id end, count(*), count(first_activity_at), avg(seconds),
               percentile_disc(0.5) within group (order by seconds), ${BAND_COUNTS}
        from (select t.*, width_bucket(seconds, array[300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 604800]::numeric[]) as band from timed t) x
        group by grouping sets ((1), (1, 2))`,
      sql`
        select t.user_id, t.metric,
               sum(t.value * (least((t.month + interval '1 month')::date, ${scope.to}::date) - greatest(t.month, ${scope.from}::date))
                   / ((t.month + interval '1 month')::date - t.month))
        from targets t
        where t.user_id is not null and t.metric in ('calls', 'meetings') and t.month >= date_trunc('month', ${scope.from}::date)::date
          and t.month < ${scope.to}::date and ${ownedBy(scope, 't.user_id')}
        group by 1, 2`,
      sql`select id, name, is_active, role from users where ${ownedBy(scope, 'id')}`,
    ];
  },
};
