import { EXPECTED_DEAL_OUTCOME_MONTHLY, EXPECTED_LEAD_MONTHLY } from '../summaries/report-monthly';
import type { BulkSession } from './bulk-loader';

/**
 * The report summaries, computed once from the loaded rows: the bulk load runs with
 * voronka.bulk_load = 'on', so their triggers stood aside while leads and deals streamed in.
 */
export async function loadReportSummaries(session: BulkSession): Promise<void> {
  await session.exec('truncate lead_monthly, deal_outcome_monthly, deal_loss_monthly, deal_cohort_monthly, stage_stay_monthly, invoice_flow_monthly');
  await session.exec(`insert into lead_monthly (month, owner_id, source_id, created, converted, junk)
    select month, owner_id, source_id, created, converted, junk from (${EXPECTED_LEAD_MONTHLY}) x`);
  await session.exec(`insert into deal_outcome_monthly (month, owner_id, source_id, pipeline_id, won, lost, won_amount, won_seconds)
    select month, owner_id, source_id, pipeline_id, won, lost, won_amount, won_seconds from (${EXPECTED_DEAL_OUTCOME_MONTHLY}) x`);
  // The same functions a time-zone change refills them with (migrations 0013, 0014, 0018).
  await session.exec('select deal_loss_monthly_fill()');
  await session.exec('select deal_cohort_monthly_fill()');
  await session.exec('select stage_stay_monthly_fill()');
  await session.exec('select invoice_flow_monthly_fill()');
  await session.exec('analyze lead_monthly, deal_outcome_monthly, deal_loss_monthly, deal_cohort_monthly, stage_stay_monthly, invoice_flow_monthly');
}
