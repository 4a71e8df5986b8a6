import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import type { Candidate } from './plan-assignments';

/**
 * The team's managers who may receive a lead at `now`: active, weight above zero, inside their
 * working hours (in the organisation's time zone; a schedule running past midnight wraps), not on
 * an absence that covers today, with their rotation state and open-lead count for the cap.
 */
export async function eligibleManagers(tx: Database, teamId: number, now: Date, excludeUserIds: number[] = []): Promise<Candidate[]> {
  const result = await tx.execute(sql`
    with local as (
      select (${now.toISOString()}::timestamptz at time zone coalesce((select time_zone from organisation where id = 1), 'Europe/Moscow')) as t
    )
    select u.id as user_id, u.lead_weight as weight, s.pass::float8 as pass, s.last_assigned_at, u.open_lead_cap,
           case when u.open_lead_cap is null then 0
                else (select count(*)::int from leads l where l.owner_id = u.id and l.status in ('new', 'in_progress')) end as open_leads
    from users u
    cross join local
    left join lead_distribution_state s on s.team_id = ${teamId} and s.user_id = u.id
    where u.team_id = ${teamId} and u.role = 'manager' and u.is_active and u.lead_weight > 0
      and not (u.id = any(${`{${excludeUserIds.join(',')}}`}::int[]))
      and (u.work_schedule is null or (
        extract(isodow from local.t)::int in (select jsonb_array_elements_text(u.work_schedule -> 'days')::int)
        and case when (u.work_schedule ->> 'from')::time < (u.work_schedule ->> 'to')::time
                 then local.t::time >= (u.work_schedule ->> 'from')::time and local.t::time < (u.work_schedule ->> 'to')::time
                 else local.t::time >= (u.work_schedule ->> 'from')::time or local.t::time < (u.work_schedule ->> 'to')::time end))
      and not exists (
        select 1 from user_absences a where a.user_id = u.id and local.t::date between a.starts_on and a.ends_on)
    order by u.id`);
  return rowsOf<{ user_id: number; weight: number; pass: number | null; last_assigned_at: string | Date | null; open_lead_cap: number | null; open_leads: number }>(result).map((row) => ({
    userId: row.user_id,
    weight: row.weight,
    pass: row.pass === null ? null : Number(row.pass),
    lastAssignedAt: row.last_assigned_at === null ? null : new Date(row.last_assigned_at),
    openLeads: Number(row.open_leads),
    openLeadCap: row.open_lead_cap,
  }));
}
