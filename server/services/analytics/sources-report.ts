import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import type { ServiceContext } from '../context';
import type { DateRange, ReportFiltersInput, ReportPeriod } from './report-filters';
import { coversWholeMonths, inRange, inReportTransaction, prepareSalesReport, ratio, type SalesReportBase } from './sales-report-base';

export interface SourceFigures {
  /** Leads created in the period, and their lead → deal conversion. */
  leads: number;
  converted: number;
  junk: number;
  conversion: number | null;
  /** Deals from the source (deals.source_id) closed in the period. */
  won: number;
  lost: number;
  winRate: number | null;
  wonAmount: string;
  /** monthly_cost × months the period covers (null: the source has no cost). */
  cost: string | null;
  costPerLead: string | null;
  costPerSale: string | null;
}

export interface SourcesReport {
  period: ReportPeriod;
  /** Null source = leads and deals with no source. */
  rows: (SourceFigures & { sourceId: number | null; code: string | null; nameRu: string | null; nameEn: string | null; monthlyCost: string | null })[];
  /** Cost per lead / sale in the totals: all costs over the leads / won deals of the sources that have a cost. */
  totals: SourceFigures;
  previous: SourceFigures;
}

interface Row {
  source_id: number | null;
  is_total: boolean;
  code: string | null;
  name_ru: string | null;
  name_en: string | null;
  monthly_cost: string | null;
  leads: number;
  converted: number;
  junk: number;
  won: number;
  lost: number;
  won_amount: string;
  cost: string | null;
  cost_per_lead: string | null;
  cost_per_sale: string | null;
}

/**
 * Per source and a totals row, in one statement. The cost covers the period pro rata by days:
 * each calendar month contributes (days of the period in it) / (days in that month), so a
 * calendar month counts exactly 1, a quarter 3, a year 12, and a custom period its share.
 */
async function sourceRows(ctx: ServiceContext, base: SalesReportBase, range: DateRange): Promise<Row[]> {
  const sourceFilter = base.filters.sourceId === undefined ? sql`true` : sql`s.id = ${base.filters.sourceId}`;
  // Whole months: the monthly summaries, aliased as leads / deals so the shared conditions apply.
  const monthly = coversWholeMonths(range);
  const leadCounts = monthly
    ? sql`select source_id, sum(created)::int as leads, sum(converted)::int as converted, sum(junk)::int as junk
          from lead_monthly as leads where month >= ${range.from}::date and month < ${range.to}::date and created <> 0 and ${base.leadWhere}
          group by source_id`
    : sql`select source_id, count(*)::int as leads,
                 count(*) filter (where status = 'converted')::int as converted,
                 count(*) filter (where status = 'junk')::int as junk
          from leads where ${inRange(base, sql`created_at`, range)} and ${base.leadWhere}
          group by source_id`;
  const dealCounts = monthly
    ? sql`select source_id, sum(won)::int as won, sum(lost)::int as lost, coalesce(sum(won_amount), 0::numeric(14,2)) as won_amount
          from deal_outcome_monthly as deals where month >= ${range.from}::date and month < ${range.to}::date and (won, lost) <> (0, 0) and ${base.dealWhere}
          group by source_id`
    : sql`select source_id, count(*) filter (where status = 'won')::int as won,
                 count(*) filter (where status = 'lost')::int as lost,
                 coalesce(sum(amount) filter (where status = 'won'), 0::numeric(14,2)) as won_amount
          from deals where status <> 'open' and ${inRange(base, sql`closed_at`, range)} and ${base.dealWhere}
          group by source_id`;
  return rowsOf<Row>(
    await ctx.db.execute(sql`
      with l as (${leadCounts}),
      d as (${dealCounts}),
      months as (
        select coalesce(sum((least((m + interval '1 month')::date, ${range.to}::date) - greatest(m::date, ${range.from}::date))::numeric
                            / ((m + interval '1 month')::date - m::date)), 0) as factor
        from generate_series(date_trunc('month', ${range.from}::date::timestamp), (${range.to}::date - 1)::timestamp, interval '1 month') as m
      ),
      keys as (
        select s.id as source_id from lead_sources s where ${sourceFilter} and not s.is_archived
        union select source_id from l union select source_id from d
      ),
      per_source as (
        select k.source_id, s.code, s.name_ru, s.name_en, s.monthly_cost::text as monthly_cost,
               coalesce(l.leads, 0) as leads, coalesce(l.converted, 0) as converted, coalesce(l.junk, 0) as junk,
               coalesce(d.won, 0) as won, coalesce(d.lost, 0) as lost, coalesce(d.won_amount, 0::numeric(14,2)) as won_amount,
               round(s.monthly_cost * (select factor from months), 2) as cost
        from keys k
        left join lead_sources s on s.id = k.source_id
        left join l on l.source_id is not distinct from k.source_id
        left join d on d.source_id is not distinct from k.source_id
      ),
      totals as (
        select sum(leads)::int as leads, sum(converted)::int as converted, sum(junk)::int as junk,
               sum(won)::int as won, sum(lost)::int as lost, coalesce(sum(won_amount), 0::numeric(14,2)) as won_amount,
               sum(cost) as cost,
               sum(leads) filter (where cost is not null) as costed_leads,
               sum(won) filter (where cost is not null) as costed_won
        from per_source
      )
      select source_id, false as is_total, code, name_ru, name_en, monthly_cost, leads, converted, junk, won, lost,
             won_amount::text, cost::text,
             round(cost / nullif(leads, 0), 2)::text as cost_per_lead,
             round(cost / nullif(won, 0), 2)::text as cost_per_sale
      from per_source
      union all
      select null, true, null, null, null, null, coalesce(leads, 0), coalesce(converted, 0), coalesce(junk, 0),
             coalesce(won, 0), coalesce(lost, 0), won_amount::text, cost::text,
             round(cost / nullif(costed_leads, 0), 2)::text, round(cost / nullif(costed_won, 0), 2)::text
      from totals`),
  );
}

function figures(row: Row | undefined): SourceFigures {
  const r = row ?? ({ leads: 0, converted: 0, junk: 0, won: 0, lost: 0, won_amount: '0.00', cost: null, cost_per_lead: null, cost_per_sale: null } as Row);
  return {
    leads: r.leads,
    converted: r.converted,
    junk: r.junk,
    conversion: ratio(r.converted, r.converted + r.junk),
    won: r.won,
    lost: r.lost,
    winRate: ratio(r.won, r.won + r.lost),
    wonAmount: r.won_amount,
    cost: r.cost,
    costPerLead: r.cost_per_lead,
    costPerSale: r.cost_per_sale,
  };
}

/** Sources report (DESIGN.md §5): per lead source leads, conversion, won revenue, cost per lead / sale. */
export async function sourcesReport(ctx: ServiceContext, filters: ReportFiltersInput, options: { now?: Date } = {}): Promise<SourcesReport> {
  const base = await prepareSalesReport(ctx, filters, options.now);
  const [current, previous] = await inReportTransaction(ctx, async (tx) => [
    await sourceRows(tx, base, base.period),
    await sourceRows(tx, base, base.period.previous),
  ]);
  return {
    period: base.period,
    rows: current
      .filter((r) => !r.is_total)
      .sort((a, b) => (a.source_id ?? Infinity) - (b.source_id ?? Infinity))
      .map((r) => ({ sourceId: r.source_id, code: r.code, nameRu: r.name_ru, nameEn: r.name_en, monthlyCost: r.monthly_cost, ...figures(r) })),
    totals: figures(current.find((r) => r.is_total)),
    previous: figures(previous.find((r) => r.is_total)),
  };
}
