import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { orgDayStart } from '../analytics/report-scope';

/**
 * What the planner learns from one person's last months (issue 8 §3), as the reports define it:
 * won deals by closed_at (revenue = their amounts), new deals by created_at, done calls and
 * meetings from the activity summary; stage conversion over the closed deals of the pipeline
 * created in the window (a stage counts as reached when the deal got to it or past it — skipped
 * stages count as passed — or was won, as the funnel counts).
 */
export interface OwnerHistory {
  wonDeals: number;
  wonAmount: number;
  /** Average days from created to won, null without a won deal. */
  cycleDays: number | null;
  newDeals: number;
  calls: number;
  meetings: number;
  /** The closed cohort: how many reached each open stage of the pipeline (in order), how many were won. */
  reached: number[];
  won: number;
  /** The best single month of the window, per figure (each its own month). */
  best: { revenue: number; wonDeals: number; newDeals: number; calls: number; conversion: number | null };
}

export interface PipelineStages {
  pipelineId: number;
  stages: { id: number; name: string; sortOrder: number }[];
}

/**
 * The pipeline to plan on: the asked one, else the one where the team created most deals in the
 * window, else the first pipeline. Its open stages in order.
 */
export async function planningPipeline(db: Database, ownerIds: number[], from: string, to: string, requested: number | undefined): Promise<PipelineStages | null> {
  const owners = ownerArray(ownerIds);
  const [chosen] = rowsOf<{ id: number }>(
    await db.execute(
      requested !== undefined
        ? sql`select id from pipelines where id = ${requested}`
        : sql`select p.id from pipelines p
              left join deals d on d.pipeline_id = p.id and d.owner_id = any(${owners}) and d.created_at >= ${orgDayStart(from)} and d.created_at < ${orgDayStart(to)}
              where not p.is_archived group by p.id, p.sort_order order by count(d.id) desc, p.sort_order, p.id limit 1`,
    ),
  );
  if (!chosen) return null;
  const stages = rowsOf<{ id: number; name: string; sort_order: number }>(
    await db.execute(sql`select id, name, sort_order from stages where pipeline_id = ${chosen.id} and kind = 'open' and not is_archived order by sort_order`),
  );
  return { pipelineId: chosen.id, stages: stages.map((s) => ({ id: s.id, name: s.name, sortOrder: s.sort_order })) };
}

const ownerArray = (ids: number[]) => sql`array[${sql.join((ids.length ? ids : [0]).map((id) => sql`${id}::int`), sql`, `)}]`;

interface MonthRow {
  owner_id: number;
  month: string;
  revenue: string;
  won: number;
  created: number;
  calls: number;
  meetings: number;
  cycle_seconds: number;
  cohort_closed: number;
  cohort_won: number;
}

/** Each owner's history over [from, to) (org-local dates), month by month and in the pipeline's stages. */
export async function ownerHistories(db: Database, ownerIds: number[], from: string, to: string, pipeline: PipelineStages): Promise<Map<number, OwnerHistory>> {
  const owners = ownerArray(ownerIds);
  const [start, end] = [orgDayStart(from), orgDayStart(to)];
  const tz = sql`coalesce((select time_zone from organisation where id = 1), 'Europe/Moscow')`;
  const months = rowsOf<MonthRow>(
    await db.execute(sql`
      with won as (
        select owner_id, date_trunc('month', closed_at at time zone ${tz})::date as month,
               sum(amount) as revenue, count(*) as won, sum(extract(epoch from closed_at - created_at)) as cycle_seconds
        from deals where owner_id = any(${owners}) and status = 'won' and closed_at >= ${start} and closed_at < ${end}
        group by 1, 2
      ),
      created as (
        select owner_id, date_trunc('month', created_at at time zone ${tz})::date as month, count(*) as created,
               count(*) filter (where status <> 'open' and pipeline_id = ${pipeline.pipelineId}) as cohort_closed,
               count(*) filter (where status = 'won' and pipeline_id = ${pipeline.pipelineId}) as cohort_won
        from deals where owner_id = any(${owners}) and created_at >= ${start} and created_at < ${end}
        group by 1, 2
      ),
      acts as (
        select owner_id, date_trunc('month', day)::date as month, sum(calls) as calls, sum(meetings) as meetings
        from activity_daily where owner_id = any(${owners}) and day >= ${from}::date and day < ${to}::date
        group by 1, 2
      )
      select coalesce(w.owner_id, c.owner_id, a.owner_id) as owner_id, coalesce(w.month, c.month, a.month)::text as month,
             coalesce(w.revenue, 0)::text as revenue, coalesce(w.won, 0)::int as won, coalesce(w.cycle_seconds, 0)::float8 as cycle_seconds,
             coalesce(c.created, 0)::int as created, coalesce(c.cohort_closed, 0)::int as cohort_closed, coalesce(c.cohort_won, 0)::int as cohort_won,
             coalesce(a.calls, 0)::int as calls, coalesce(a.meetings, 0)::int as meetings
      from won w
      full join created c on c.owner_id = w.owner_id and c.month = w.month
      full join acts a on a.owner_id = coalesce(w.owner_id, c.owner_id) and a.month = coalesce(w.month, c.month)`),
  );
  const reachedRows = rowsOf<{ owner_id: number; sort_order: number; reached: number }>(
    await db.execute(sql`
      select d.owner_id, s.sort_order, count(*)::int as reached
      from deals d join stages s on s.pipeline_id = d.pipeline_id and s.kind = 'open' and not s.is_archived
      where d.owner_id = any(${owners}) and d.pipeline_id = ${pipeline.pipelineId} and d.status <> 'open'
        and d.created_at >= ${start} and d.created_at < ${end}
        and (d.status = 'won' or d.furthest_stage_order >= s.sort_order)
      group by 1, 2`),
  );
  const histories = new Map<number, OwnerHistory>();
  for (const id of ownerIds) {
    const mine = months.filter((m) => m.owner_id === id);
    const sum = (pick: (m: MonthRow) => number) => mine.reduce((acc, m) => acc + pick(m), 0);
    const max = (pick: (m: MonthRow) => number) => mine.reduce((acc, m) => Math.max(acc, pick(m)), 0);
    const wonDeals = sum((m) => m.won);
    const conversions = mine.filter((m) => m.cohort_closed > 0).map((m) => m.cohort_won / m.cohort_closed);
    const reachedBy = new Map(reachedRows.filter((r) => r.owner_id === id).map((r) => [r.sort_order, r.reached]));
    histories.set(id, {
      wonDeals,
      wonAmount: sum((m) => Number(m.revenue)),
      cycleDays: wonDeals === 0 ? null : sum((m) => m.cycle_seconds) / wonDeals / 86_400,
      newDeals: sum((m) => m.created),
      calls: sum((m) => m.calls),
      meetings: sum((m) => m.meetings),
      reached: pipeline.stages.map((s) => reachedBy.get(s.sortOrder) ?? 0),
      won: sum((m) => m.cohort_won),
      best: {
        revenue: max((m) => Number(m.revenue)),
        wonDeals: max((m) => m.won),
        newDeals: max((m) => m.created),
        calls: max((m) => m.calls),
        conversion: conversions.length ? Math.max(...conversions) : null,
      },
    });
  }
  return histories;
}
