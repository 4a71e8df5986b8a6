import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import type { Database } from '@/db/client';
import { orgDayStart } from '../analytics/report-scope';

export interface FactRow {
  owner_id: number;
  revenue: string;
  won_deals: number;
  new_deals: number;
  calls: number;
  meetings: number;
  /** Open deals expected to close in the month: amount × stage probability, and count × probability. */
  weighted_amount: string;
  weighted_deals: number;
}

/**
 * The month's facts per owner, as the reports define them (DESIGN.md §5): revenue and won deals
 * are won deals by closed_at in the org-local month, new deals by created_at, calls and meetings
 * the done ones from the activity summary (the activity report's source). Plus the open pipeline
 * due this month (expected_close_date in the month), weighted by its stage's probability.
 */
export async function monthFacts(db: Database, ownerIds: number[], from: string, to: string): Promise<FactRow[]> {
  if (ownerIds.length === 0) return [];
  const owners = sql`array[${sql.join(ownerIds.map((id) => sql`${id}::int`), sql`, `)}]`;
  const [start, end] = [orgDayStart(from), orgDayStart(to)];
  return rowsOf<FactRow>(
    await db.execute(sql`
      select o.id as owner_id,
             coalesce(w.revenue, 0)::numeric(16,2)::text as revenue, coalesce(w.won, 0)::int as won_deals,
             coalesce(n.created, 0)::int as new_deals,
             coalesce(a.calls, 0)::int as calls, coalesce(a.meetings, 0)::int as meetings,
             coalesce(p.amount, 0)::numeric(16,2)::text as weighted_amount, coalesce(p.deals, 0)::float8 as weighted_deals
      from unnest(${owners}) as o(id)
      left join lateral (
        select sum(amount) as revenue, count(*) as won from deals
        where owner_id = o.id and status = 'won' and closed_at >= ${start} and closed_at < ${end}
      ) w on true
      left join lateral (
        select count(*) as created from deals where owner_id = o.id and created_at >= ${start} and created_at < ${end}
      ) n on true
      left join lateral (
        select sum(calls) as calls, sum(meetings) as meetings from activity_daily
        where owner_id = o.id and day >= ${from}::date and day < ${to}::date
      ) a on true
      left join lateral (
        select round(sum(d.amount * s.probability) / 100, 2) as amount, sum(s.probability) / 100.0 as deals
        from deals d join stages s on s.id = d.stage_id
        where d.owner_id = o.id and d.status = 'open' and d.expected_close_date >= ${from}::date and d.expected_close_date < ${to}::date
      ) p on true
      order by o.id`),
  );
}
