import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../client';
import type { SummaryTable } from './summary';

/** What lead_monthly must hold: leads per creation month (org time zone), owner and source. */
export const EXPECTED_LEAD_MONTHLY = `
  select org_month(created_at) as month, owner_id, source_id, count(*)::int as created,
         (count(*) filter (where status = 'converted'))::int as converted, (count(*) filter (where status = 'junk'))::int as junk
  from leads group by 1, 2, 3`;

/** What deal_outcome_monthly must hold: won and lost deals per closing month, owner, source and pipeline. */
export const EXPECTED_DEAL_OUTCOME_MONTHLY = `
  select org_month(closed_at) as month, owner_id, source_id, pipeline_id,
         (count(*) filter (where status = 'won'))::int as won, (count(*) filter (where status = 'lost'))::int as lost,
         coalesce(sum(amount) filter (where status = 'won'), 0)::numeric(16,2) as won_amount,
         coalesce(sum(extract(epoch from closed_at - created_at)) filter (where status = 'won'), 0) as won_seconds
  from deals where status <> 'open' group by 1, 2, 3, 4`;

/**
 * A monthly summary rebuilt: the rows that differ from the recompute (all-zero rows, which
 * triggers may leave behind, count as absent) are counted, then the table is refilled.
 */
function monthlySummary(name: string, table: string, columns: string, valueColumns: string, expected: string): SummaryTable {
  return {
    name,
    async rebuild(db: Database) {
      const stored = `select ${columns} from ${table} where (${valueColumns}) is distinct from (${valueColumns.split(',').map(() => '0').join(',')})`;
      const [row] = rowsOf<{ n: number }>(
        await db.execute(sql.raw(`
          with e as (select ${columns} from (${expected}) x), s as (${stored})
          select ((select count(*) from (select * from e except all select * from s) a) + (select count(*) from (select * from s except all select * from e) b))::int as n`)),
      );
      const differed = Number(row?.n ?? 0);
      if (differed > 0) {
        await db.execute(sql.raw(`delete from ${table}`));
        await db.execute(sql.raw(`insert into ${table} (${columns}) select ${columns} from (${expected}) x`));
      }
      return differed;
    },
  };
}

export const leadMonthlySummary = monthlySummary(
  'lead_monthly (conversion, sources)',
  'lead_monthly',
  'month, owner_id, source_id, created, converted, junk',
  'created, converted, junk',
  EXPECTED_LEAD_MONTHLY,
);

export const dealOutcomeMonthlySummary = monthlySummary(
  'deal_outcome_monthly (conversion, sources)',
  'deal_outcome_monthly',
  'month, owner_id, source_id, pipeline_id, won, lost, won_amount, won_seconds',
  'won, lost, won_amount, won_seconds',
  EXPECTED_DEAL_OUTCOME_MONTHLY,
);
