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

export const stageStays: SummaryTable = {
  name: 'deal_stage_history.left_at (time in stage)',
  async rebuild(db) {
    const [row] = rowsOf<{ changed: number }>(await db.execute(sql.raw(RECOMPUTE_STAGE_STAYS)));
    return Number(row?.changed ?? 0);
  },
};
