import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import type { DateRange, ReportFiltersInput, ReportPeriod } from './report-filters';
import type { ServiceContext } from '../context';
import { coversWholeMonths, inRange, inReportTransaction, prepareSalesReport, ratio, trendMonthDates, trendMonthRange, type SalesReportBase } from './sales-report-base';

/**
 * Lead → deal among leads created in the period: converted / (converted + junk). The pipeline
 * filter does not narrow leads (a lead belongs to no pipeline); owner, team and source filters do.
 */
export interface LeadConversion {
  created: number;
  converted: number;
  junk: number;
  conversion: number | null;
}

/** Deals closed in the period: win rate, won revenue, average size and sales cycle of the won ones. */
export interface DealOutcomes {
  won: number;
  lost: number;
  winRate: number | null;
  wonAmount: string;
  averageDealSize: string | null;
  /** Created → won, in days (fractional), averaged over deals won in the period. */
  averageCycleDays: number | null;
}

export interface ConversionFigures {
  /** Null in the pipeline breakdown: leads belong to no pipeline. */
  leads: LeadConversion | null;
  deals: DealOutcomes;
}

export interface ConversionReport {
  period: ReportPeriod;
  totals: ConversionFigures;
  previous: ConversionFigures;
  byManager: (ConversionFigures & { ownerId: number | null; name: string | null })[];
  bySource: (ConversionFigures & { sourceId: number | null; nameRu: string | null; nameEn: string | null })[];
  byPipeline: (ConversionFigures & { pipelineId: number; name: string })[];
  /** The trend: each month of the period, at least the last 12 months ending with it ('YYYY-MM'), with the dates it covers. */
  byMonth: (ConversionFigures & { month: string } & DateRange)[];
}

interface LeadRow {
  g: number;
  owner_id: number | null;
  source_id: number | null;
  month: number | null;
  created: number;
  converted: number;
  junk: number;
  t_created: number;
  t_converted: number;
  t_junk: number;
}

interface DealRow {
  g: number;
  owner_id: number | null;
  source_id: number | null;
  pipeline_id: number | null;
  month: number | null;
  won: number;
  lost: number;
  won_amount: string;
  avg_size: string | null;
  avg_cycle: number | null;
  t_won: number;
  t_lost: number;
  t_won_amount: string;
  t_avg_size: string | null;
  t_avg_cycle: number | null;
}

// grouping() bits, leftmost argument highest: 0 in a bit = grouped by that column.
const LEAD_SET = { total: 0b111, owner: 0b011, source: 0b101, month: 0b110 };
const DEAL_SET = { total: 0b1111, owner: 0b0111, source: 0b1011, pipeline: 0b1101, month: 0b1110 };

/** The same sums for the period's rows only (prefix '', `cur`) and for the whole trend window ('t_'). */
function leadSums(prefix: string, cur: boolean): SQL {
  const f = cur ? 'filter (where cur)' : '';
  return sql.raw(`coalesce(sum(created) ${f}, 0)::int as ${prefix}created,
    coalesce(sum(converted) ${f}, 0)::int as ${prefix}converted,
    coalesce(sum(junk) ${f}, 0)::int as ${prefix}junk`);
}

function dealSums(prefix: string, cur: boolean): SQL {
  const f = cur ? 'filter (where cur)' : '';
  return sql.raw(`coalesce(sum(won) ${f}, 0)::int as ${prefix}won,
    coalesce(sum(lost) ${f}, 0)::int as ${prefix}lost,
    coalesce(sum(won_amount) ${f}, 0::numeric(14,2))::text as ${prefix}won_amount,
    round(sum(won_amount) ${f} / nullif(sum(won) ${f}, 0), 2)::text as ${prefix}avg_size,
    (sum(won_seconds) ${f} / nullif(sum(won) ${f}, 0) / 86400)::float8 as ${prefix}avg_cycle`);
}

/**
 * Leads of the window in two steps: a plain GROUP BY (owner, source, month, in period) that reads
 * each row once and can run in parallel, then GROUPING SETS over those few hundred cells for the
 * totals, managers and sources (period rows) and the months (whole trend window). The month is a
 * width_bucket over precomputed month starts: cheaper per row than a time-zone conversion.
 */
async function leadFigures(ctx: ServiceContext, base: SalesReportBase, period: DateRange, window: DateRange, grouped: boolean) {
  // grouping() is refused without grouping columns: the ungrouped call reports the totals' bits itself.
  const sets = grouped ? sql`grouping sets ((), (owner_id), (source_id), (month))` : sql`grouping sets (())`;
  const g = grouped ? sql`grouping(owner_id, source_id, month)::int` : sql.raw(String(LEAD_SET.total));
  // Whole months: the monthly summary, aliased as leads so the shared conditions on "leads" apply.
  const cells = coversWholeMonths(period, window)
    ? sql`
        select owner_id, source_id, width_bucket(month, ${trendMonthDates(base)}) as month, month >= ${period.from}::date as cur,
               sum(created) as created, sum(converted) as converted, sum(junk) as junk
        from lead_monthly as leads
        where month >= ${window.from}::date and month < ${window.to}::date and created <> 0 and ${base.leadWhere}
        group by 1, 2, 3, 4`
    : sql`
        select owner_id, source_id, width_bucket(created_at, ${base.monthBuckets}) as month,
               created_at >= ${base.at(period.from)} as cur,
               count(*) as created,
               count(*) filter (where status = 'converted') as converted,
               count(*) filter (where status = 'junk') as junk
        from leads
        where ${inRange(base, sql`created_at`, window)} and ${base.leadWhere}
        group by 1, 2, 3, 4`;
  return rowsOf<LeadRow>(
    await ctx.db.execute(sql`
      with cells as (${cells})
      select ${g} as g, ${grouped ? sql`owner_id, source_id, month` : sql`null::int as owner_id, null::int as source_id, null::int as month`},
             ${leadSums('', true)}, ${leadSums('t_', false)}
      from cells group by ${sets}`),
  );
}

/** Deals closed in the window (the partial index on closed_at), in the same two steps as leads. */
async function dealFigures(ctx: ServiceContext, base: SalesReportBase, period: DateRange, window: DateRange, grouped: boolean) {
  const sets = grouped ? sql`grouping sets ((), (owner_id), (source_id), (pipeline_id), (month))` : sql`grouping sets (())`;
  const g = grouped ? sql`grouping(owner_id, source_id, pipeline_id, month)::int` : sql.raw(String(DEAL_SET.total));
  const cells = coversWholeMonths(period, window)
    ? sql`
        select owner_id, source_id, pipeline_id, width_bucket(month, ${trendMonthDates(base)}) as month, month >= ${period.from}::date as cur,
               sum(won) as won, sum(lost) as lost, sum(won_amount) as won_amount, sum(won_seconds) as won_seconds
        from deal_outcome_monthly as deals
        where month >= ${window.from}::date and month < ${window.to}::date and (won, lost) <> (0, 0) and ${base.dealWhere}
        group by 1, 2, 3, 4, 5`
    : sql`
        select owner_id, source_id, pipeline_id, width_bucket(closed_at, ${base.monthBuckets}) as month,
               closed_at >= ${base.at(period.from)} as cur,
               count(*) filter (where status = 'won') as won,
               count(*) filter (where status = 'lost') as lost,
               sum(amount) filter (where status = 'won') as won_amount,
               sum(extract(epoch from closed_at - created_at)) filter (where status = 'won') as won_seconds
        from deals
        where status <> 'open' and ${inRange(base, sql`closed_at`, window)} and ${base.dealWhere}
        group by 1, 2, 3, 4, 5`;
  return rowsOf<DealRow>(
    await ctx.db.execute(sql`
      with cells as (${cells})
      select ${g} as g, ${grouped ? sql`owner_id, source_id, pipeline_id, month` : sql`null::int as owner_id, null::int as source_id, null::int as pipeline_id, null::int as month`},
             ${dealSums('', true)}, ${dealSums('t_', false)}
      from cells group by ${sets}`),
  );
}

const EMPTY_LEADS: LeadConversion = { created: 0, converted: 0, junk: 0, conversion: null };
const EMPTY_DEALS: DealOutcomes = { won: 0, lost: 0, winRate: null, wonAmount: '0.00', averageDealSize: null, averageCycleDays: null };

function toLeads(row: LeadRow | undefined, trend = false): LeadConversion {
  if (!row) return EMPTY_LEADS;
  const [created, converted, junk] = trend ? [row.t_created, row.t_converted, row.t_junk] : [row.created, row.converted, row.junk];
  return { created, converted, junk, conversion: ratio(converted, converted + junk) };
}

function toDeals(row: DealRow | undefined, trend = false): DealOutcomes {
  if (!row) return EMPTY_DEALS;
  const [won, lost, wonAmount, size, cycle] = trend
    ? [row.t_won, row.t_lost, row.t_won_amount, row.t_avg_size, row.t_avg_cycle]
    : [row.won, row.lost, row.won_amount, row.avg_size, row.avg_cycle];
  return { won, lost, winRate: ratio(won, won + lost), wonAmount, averageDealSize: size, averageCycleDays: cycle === null ? null : Number(cycle) };
}

/** Display names for the breakdown keys: small reference tables, read whole. */
async function names(ctx: ServiceContext) {
  const users = await ctx.db.execute(sql`select id, name from users`);
  const sources = await ctx.db.execute(sql`select id, name_ru, name_en from lead_sources`);
  const pipelines = await ctx.db.execute(sql`select id, name from pipelines`);
  return {
    user: new Map(rowsOf<{ id: number; name: string }>(users).map((r) => [r.id, r.name])),
    source: new Map(rowsOf<{ id: number; name_ru: string; name_en: string }>(sources).map((r) => [r.id, r])),
    pipeline: new Map(rowsOf<{ id: number; name: string }>(pipelines).map((r) => [r.id, r.name])),
  };
}

/**
 * Conversion report (DESIGN.md §5): lead → deal conversion, win rate, average deal size and sales
 * cycle — overall, per manager, source, pipeline and month — and the previous period's totals.
 */
export async function conversionReport(ctx: ServiceContext, filters: ReportFiltersInput, options: { now?: Date } = {}): Promise<ConversionReport> {
  const base = await prepareSalesReport(ctx, filters, options.now);
  const { period, trend } = base;
  const { leadRows, dealRows, prevLeads, prevDeals, labels } = await inReportTransaction(ctx, async (tx) => ({
    leadRows: await leadFigures(tx, base, period, trend.window, true),
    dealRows: await dealFigures(tx, base, period, trend.window, true),
    prevLeads: await leadFigures(tx, base, period.previous, period.previous, false),
    prevDeals: await dealFigures(tx, base, period.previous, period.previous, false),
    labels: await names(tx),
  }));
  const leadsOf = (set: number) => leadRows.filter((r) => r.g === set);
  const dealsOf = (set: number) => dealRows.filter((r) => r.g === set);

  // Managers and sources appear when they have any figure in the period (trend-only rows are dropped).
  const byOwner = new Map<number | null, { leads?: LeadRow; deals?: DealRow }>();
  for (const r of leadsOf(LEAD_SET.owner)) if (r.created > 0) byOwner.set(r.owner_id, { leads: r });
  for (const r of dealsOf(DEAL_SET.owner)) if (r.won + r.lost > 0) byOwner.set(r.owner_id, { ...byOwner.get(r.owner_id), deals: r });
  const bySource = new Map<number | null, { leads?: LeadRow; deals?: DealRow }>();
  for (const r of leadsOf(LEAD_SET.source)) if (r.created > 0) bySource.set(r.source_id, { leads: r });
  for (const r of dealsOf(DEAL_SET.source)) if (r.won + r.lost > 0) bySource.set(r.source_id, { ...bySource.get(r.source_id), deals: r });
  // width_bucket numbers the months from 1.
  const leadMonth = new Map(leadsOf(LEAD_SET.month).map((r) => [trend.months[r.month! - 1], r]));
  const dealMonth = new Map(dealsOf(DEAL_SET.month).map((r) => [trend.months[r.month! - 1], r]));

  return {
    period,
    totals: { leads: toLeads(leadsOf(LEAD_SET.total)[0]), deals: toDeals(dealsOf(DEAL_SET.total)[0]) },
    previous: { leads: toLeads(prevLeads[0]), deals: toDeals(prevDeals[0]) },
    byManager: [...byOwner]
      .map(([ownerId, r]) => ({ ownerId, name: ownerId === null ? null : (labels.user.get(ownerId) ?? null), leads: toLeads(r.leads), deals: toDeals(r.deals) }))
      .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')),
    bySource: [...bySource]
      .map(([sourceId, r]) => {
        const source = sourceId === null ? undefined : labels.source.get(sourceId);
        return { sourceId, nameRu: source?.name_ru ?? null, nameEn: source?.name_en ?? null, leads: toLeads(r.leads), deals: toDeals(r.deals) };
      })
      .sort((a, b) => (a.sourceId ?? Infinity) - (b.sourceId ?? Infinity)),
    byPipeline: dealsOf(DEAL_SET.pipeline)
      .filter((r) => r.won + r.lost > 0)
      .map((r) => ({ pipelineId: r.pipeline_id!, name: labels.pipeline.get(r.pipeline_id!) ?? '', leads: null, deals: toDeals(r) }))
      .sort((a, b) => a.pipelineId - b.pipelineId),
    byMonth: trend.months.map((month) => ({ month, ...trendMonthRange(month, trend.window), leads: toLeads(leadMonth.get(month), true), deals: toDeals(dealMonth.get(month), true) })),
  };
}
