import { sql } from 'drizzle-orm';
import { rowsOf } from '../client';
import type { SummaryTable } from './summary';

/**
 * deal_stage_history.left_at from scratch: each row's end is the changed_at of the deal's next
 * row by (changed_at, id), the order the funnel's time in stage has always used. Only rows that
 * differ are written. Shared by the repair command and the seed's bulk load.
 */
export const RECOMPUTE_STAGE_STAYS = `
  with expected as (
    select id, lead(changed_at) over (partition by deal_id order by changed_at, id) as left_at
    from deal_stage_history
  ), fixed as (
    update deal_stage_history h set left_at = e.left_at
    from expected e
    where e.id = h.id and h.left_at is distinct from e.left_at
    returning 1
  )
  select count(*)::int as changed from fixed`;

/** deals.lost_from_stage_id from scratch: the from-stage of each deal's latest history row when it enters a lost stage. */
export const RECOMPUTE_LOST_FROM_STAGE = `
  with latest as (
    select distinct on (h.deal_id) h.deal_id, case when s.kind = 'lost' then h.from_stage_id end as lost_from
    from deal_stage_history h join stages s on s.id = h.to_stage_id
    order by h.deal_id, h.changed_at desc, h.id desc
  ), fixed as (
    update deals d set lost_from_stage_id = l.lost_from
    from deals x left join latest l on l.deal_id = x.id
    where x.id = d.id and d.lost_from_stage_id is distinct from l.lost_from
    returning 1
  )
  select count(*)::int as changed from fixed`;

export const stageStays: SummaryTable = {
  name: 'deal_stage_history.left_at and deals.lost_from_stage_id (time in stage, stage lost from)',
  async rebuild(db) {
    let changed = 0;
    for (const statement of [RECOMPUTE_STAGE_STAYS, RECOMPUTE_LOST_FROM_STAGE]) {
      const [row] = rowsOf<{ changed: number }>(await db.execute(sql.raw(statement)));
      changed += Number(row?.changed ?? 0);
    }
    return changed;
  },
};
