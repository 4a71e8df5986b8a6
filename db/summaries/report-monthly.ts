import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../client';
import { STAY_BAND_COLUMNS, STAY_BAND_EDGES } from '../../lib/analytics/stay-bands';
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

/** What deal_loss_monthly must hold: lost deals per closing month, pipeline, source, reason and stage lost from. */
export const EXPECTED_DEAL_LOSS_MONTHLY = `
  select org_month(closed_at) as month, pipeline_id, source_id, loss_reason_id, lost_from_stage_id,
         count(*)::int as lost, sum(amount)::numeric(16,2) as amount
  from deals where status = 'lost' group by 1, 2, 3, 4, 5`;

/** What deal_cohort_monthly must hold: deals per creation month, pipeline, owner, status and furthest stage. */
export const EXPECTED_DEAL_COHORT_MONTHLY = `
  select org_month(created_at) as month, pipeline_id, owner_id, status, furthest_stage_order,
         count(*)::int as deals, sum(amount)::numeric(16,2) as amount
  from deals group by 1, 2, 3, 4, 5`;

/**
 * What invoice_flow_monthly must hold: counted invoices (issued, paid) per issue month and owner,
 * and their payments per month received (org time zone) under the invoice's owner.
 */
export const EXPECTED_INVOICE_FLOW_MONTHLY = `
  select month, owner_id, sum(invoiced)::int as invoiced, sum(invoiced_amount)::numeric(16,2) as invoiced_amount,
         sum(payments)::int as payments, sum(paid_amount)::numeric(16,2) as paid_amount
  from (
    select date_trunc('month', issue_date)::date as month, owner_id, count(*) as invoiced, sum(total) as invoiced_amount, 0 as payments, 0 as paid_amount
    from invoices where status in ('issued', 'paid') group by 1, 2
    union all
    select org_month(p.paid_at), i.owner_id, 0, 0, count(*), sum(p.amount)
    from payments p join invoices i on i.id = p.invoice_id where i.status in ('issued', 'paid') group by 1, 2
  ) x group by 1, 2`;

/** A stay's band column counted with the edges written out (not the SQL function the triggers use). */
const stayBandCounts = STAY_BAND_COLUMNS.map((column, band) => {
  const from = band === 0 ? null : STAY_BAND_EDGES[band - 1];
  const to = STAY_BAND_EDGES[band];
  const conditions = [from === null ? null : `seconds >= ${from}`, to === undefined ? null : `seconds < ${to}`].filter(Boolean);
  return `(count(*) filter (where ${conditions.join(' and ')}))::int as ${column}`;
}).join(', ');

/** What stage_stay_monthly must hold: completed stays per cohort month, pipeline, owner and stage, with their length bands. */
export const EXPECTED_STAGE_STAY_MONTHLY = `
  select org_month(created_at) as month, pipeline_id, owner_id, stage_id, count(*)::int as stays, sum(seconds) as seconds, ${stayBandCounts}
  from (
    select d.created_at, d.pipeline_id, d.owner_id, h.to_stage_id as stage_id, extract(epoch from h.left_at - h.changed_at) as seconds
    from deals d join deal_stage_history h on h.deal_id = d.id where h.left_at is not null
  ) s
  group by 1, 2, 3, 4`;

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

export const dealCohortMonthlySummary = monthlySummary(
  'deal_cohort_monthly (funnel)',
  'deal_cohort_monthly',
  'month, pipeline_id, owner_id, status, furthest_stage_order, deals, amount',
  'deals, amount',
  EXPECTED_DEAL_COHORT_MONTHLY,
);

export const stageStayMonthlySummary = monthlySummary(
  'stage_stay_monthly (funnel time in stage)',
  'stage_stay_monthly',
  `month, pipeline_id, owner_id, stage_id, stays, seconds, ${STAY_BAND_COLUMNS.join(', ')}`,
  `stays, seconds, ${STAY_BAND_COLUMNS.join(', ')}`,
  EXPECTED_STAGE_STAY_MONTHLY,
);

export const dealLossMonthlySummary = monthlySummary(
  'deal_loss_monthly (loss reasons)',
  'deal_loss_monthly',
  'month, pipeline_id, source_id, loss_reason_id, lost_from_stage_id, lost, amount',
  'lost, amount',
  EXPECTED_DEAL_LOSS_MONTHLY,
);

export const invoiceFlowMonthlySummary = monthlySummary(
  'invoice_flow_monthly (receivables)',
  'invoice_flow_monthly',
  'month, owner_id, invoiced, invoiced_amount, payments, paid_amount',
  'invoiced, invoiced_amount, payments, paid_amount',
  EXPECTED_INVOICE_FLOW_MONTHLY,
);
