import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import type { DateRange, ReportFiltersInput, ReportPeriod } from './report-filters';
import type { ServiceContext } from '../context';
import { inReportParts } from './report-transaction';
import { coversWholeMonths, inRange, monthStartLiteral, prepareSalesReport, ratio, trendMonthDates, trendMonthRange, type SalesReportBase } from './sales-report-base';

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
  /** In the period (breakdowns) or null (the months, which cover the whole trend window). */
  cur: boolean | null;
  owner_id: number | null;
  source_id: number | null;
  month: number | null;
  created: number;
  converted: number;
  junk: number;
}

interface DealRow {
  g: number;
  cur: boolean | null;
  owner_id: number | null;
  source_id: number | null;
  pipeline_id: number | null;
  month: number | null;
  won: number;
  lost: number;
  won_amount: string;
  avg_size: string | null;
  avg_cycle: number | null;
}

// grouping() bits, leftmost argument highest: 0 in a bit = grouped by that column.
const LEAD_SET = { total: 0b111, owner: 0b011, source: 0b101, month: 0b110 };
const DEAL_SET = { total: 0b1111, owner: 0b0111, source: 0b1011, pipeline: 0b1101, month: 0b1110 };

const LEAD_SUMS = `coalesce(sum(created), 0)::int as created, coalesce(sum(converted), 0)::int as converted, coalesce(sum(junk), 0)::int as junk`;
const DEAL_SUMS = `coalesce(sum(won), 0)::int as won, coalesce(sum(lost), 0)::int as lost,
  coalesce(sum(won_amount), 0::numeric(14,2))::text as won_amount,
  round(sum(won_amount) / nullif(sum(won), 0), 2)::text as avg_size,
  (sum(won_seconds) / nullif(sum(won), 0) / 86400)::float8 as avg_cycle`;

/**
 * The figures over a row source. Grouped: the breakdowns (total, owner, source[, pipeline]) are
 * each split by `cur` (in the period or not; the caller keeps the period's side) and the months
 * cover the whole trend window, so every row needs one set of sums and no filtered copy.
 * Ungrouped: one row of totals (the previous period).
 */
function figuresSelect(input: { breakdowns: string[]; totalBits: number; grouped: boolean; sums: string; cur: string; month: string; from: SQL }): SQL {
  if (!input.grouped) {
    const keys = [...input.breakdowns, 'month'].map((c) => `null::int as ${c}`).join(', ');
    return sql`select ${sql.raw(`${input.totalBits} as g, true as cur, ${keys}, ${input.sums}`)} from ${input.from}`;
  }
  const keys = `grouping(${[...input.breakdowns, 'month'].join(', ')})::int as g, ${input.cur} as cur, ${input.breakdowns.join(', ')}, ${input.month} as month`;
  // Ordinal 2 is cur: the breakdowns split by it, the months not.
  const sets = `grouping sets ((2), ${input.breakdowns.map((c) => `(2, ${c})`).join(', ')}, (month))`;
  return sql`select ${sql.raw(`${keys}, ${input.sums}`)} from ${input.from} group by ${sql.raw(sets)}`;
}

/**
 * Leads of the window by owner, source and month. Whole months read the monthly summary directly
 * (aliased as leads, so the shared conditions on "leads" apply): its rows are already the cells.
 * Other periods read the leads in two steps: a plain GROUP BY (owner, source, month, in period)
 * that reads each row once and can run in parallel, then the grouping sets over those cells. The
 * month is a width_bucket over precomputed month starts: cheaper per row than a time-zone conversion.
 */
async function leadFigures(ctx: ServiceContext, base: SalesReportBase, period: DateRange, window: DateRange, grouped: boolean) {
  const shape = { breakdowns: ['owner_id', 'source_id'], totalBits: LEAD_SET.total, grouped, sums: LEAD_SUMS };
  const query = coversWholeMonths(period, window)
    ? figuresSelect({
        ...shape,
        cur: `month >= ${monthStartLiteral(period.from)}`,
        month: `width_bucket(month, ${trendMonthDates(base)})`,
        from: sql`lead_monthly as leads where month >= ${window.from}::date and month < ${window.to}::date and created <> 0 and ${base.leadWhere}`,
      })
    : figuresSelect({
        ...shape,
        cur: 'cur',
        month: 'month',
        from: sql`(
          select owner_id, source_id, width_bucket(created_at, ${base.monthBuckets}) as month,
                 created_at >= ${base.at(period.from)} as cur,
                 count(*) as created,
                 count(*) filter (where status = 'converted') as converted,
                 count(*) filter (where status = 'junk') as junk
          from leads
          where ${inRange(base, sql`created_at`, window)} and ${base.leadWhere}
          group by 1, 2, 3, 4) as cells`,
      });
  return rowsOf<LeadRow>(await ctx.db.execute(query));
}

/** Deals closed in the window (the summary, or the partial index on closed_at), in the same shapes as leads. */
async function dealFigures(ctx: ServiceContext, base: SalesReportBase, period: DateRange, window: DateRange, grouped: boolean) {
  const shape = { breakdowns: ['owner_id', 'source_id', 'pipeline_id'], totalBits: DEAL_SET.total, grouped, sums: DEAL_SUMS };
  const query = coversWholeMonths(period, window)
    ? figuresSelect({
        ...shape,
        cur: `month >= ${monthStartLiteral(period.from)}`,
        month: `width_bucket(month, ${trendMonthDates(base)})`,
        from: sql`deal_outcome_monthly as deals where month >= ${window.from}::date and month < ${window.to}::date and (won, lost) <> (0, 0) and ${base.dealWhere}`,
      })
    : figuresSelect({
        ...shape,
        cur: 'cur',
        month: 'month',
        from: sql`(
          select owner_id, source_id, pipeline_id, width_bucket(closed_at, ${base.monthBuckets}) as month,
                 closed_at >= ${base.at(period.from)} as cur,
                 count(*) filter (where status = 'won') as won,
                 count(*) filter (where status = 'lost') as lost,
                 sum(amount) filter (where status = 'won') as won_amount,
                 sum(extract(epoch from closed_at - created_at)) filter (where status = 'won') as won_seconds
          from deals
          where status <> 'open' and ${inRange(base, sql`closed_at`, window)} and ${base.dealWhere}
          group by 1, 2, 3, 4, 5) as cells`,
      });
  return rowsOf<DealRow>(await ctx.db.execute(query));
}

const EMPTY_LEADS: LeadConversion = { created: 0, converted: 0, junk: 0, conversion: null };
const EMPTY_DEALS: DealOutcomes = { won: 0, lost: 0, winRate: null, wonAmount: '0.00', averageDealSize: null, averageCycleDays: null };

function toLeads(row: LeadRow | undefined): LeadConversion {
  if (!row) return EMPTY_LEADS;
  const { created, converted, junk } = row;
  return { created, converted, junk, conversion: ratio(converted, converted + junk) };
}

function toDeals(row: DealRow | undefined): DealOutcomes {
  if (!row) return EMPTY_DEALS;
  const { won, lost } = row;
  return {
    won,
    lost,
    winRate: ratio(won, won + lost),
    wonAmount: row.won_amount,
    averageDealSize: row.avg_size,
    averageCycleDays: row.avg_cycle === null ? null : Number(row.avg_cycle),
  };
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
  // Two parts at once (see inReportParts): the period's deals, the costliest statement, and the rest.
  const { dealRows, rest } = await inReportParts(ctx, {
    dealRows: (tx) => dealFigures(tx, base, period, trend.window, true),
    rest: async (tx) => ({
      prevDeals: await dealFigures(tx, base, period.previous, period.previous, false),
      leadRows: await leadFigures(tx, base, period, trend.window, true),
      prevLeads: await leadFigures(tx, base, period.previous, period.previous, false),
      labels: await names(tx),
    }),
  });
  const { prevDeals, leadRows, prevLeads, labels } = rest;
  // The breakdowns' rows outside the period (cur false) only fed the months.
  const leadsOf = (set: number) => leadRows.filter((r) => r.g === set && r.cur !== false);
  const dealsOf = (set: number) => dealRows.filter((r) => r.g === set && r.cur !== false);

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
    byMonth: trend.months.map((month) => ({ month, ...trendMonthRange(month, trend.window), leads: toLeads(leadMonth.get(month)), deals: toDeals(dealMonth.get(month)) })),
  };
}
