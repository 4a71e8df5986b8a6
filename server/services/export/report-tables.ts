import type { Locale } from '@/db/schema/enums';
import { stayBandBounds } from '@/lib/analytics/stay-bands';
import type { ActivityReport } from '../analytics/activity-report';
import type { ChurnReport } from '../analytics/churn';
import type { ConversionFigures, ConversionReport } from '../analytics/conversion';
import type { DealFunnel } from '../analytics/funnel';
import type { LossReasonsReport } from '../analytics/loss-reasons';
import type { PipelineSnapshot } from '../analytics/pipeline-snapshot';
import type { DebtFigures, ReceivablesReport } from '../analytics/receivables';
import type { SourcesReport } from '../analytics/sources-report';
import type { Cell } from './spreadsheet';
import { activityTables } from './activity-tables';

/** One table of a report export: a header row and typed rows. */
export interface ReportTable {
  sheetName: string;
  header: string[];
  rows: Cell[][];
  /** Column indexes (0-based) shown as money, percentage or date in XLSX. */
  moneyColumns?: number[];
  percentColumns?: number[];
  dateColumns?: number[];
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type ReportResult =
  | { report: 'funnel'; data: DealFunnel }
  | { report: 'snapshot'; data: PipelineSnapshot }
  | { report: 'conversion'; data: ConversionReport }
  | { report: 'activity'; data: ActivityReport }
  | { report: 'churn'; data: ChurnReport }
  | { report: 'sources'; data: SourcesReport }
  | { report: 'losses'; data: LossReasonsReport }
  | { report: 'receivables'; data: ReceivablesReport };

const money = (value: string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));
const indexes = (header: readonly string[], keys: readonly string[]) => keys.map((key) => header.indexOf(key)).filter((i) => i >= 0);

/** A table from column keys: `t(key)` labels, typed cells, formats by key. */
export function table(sheetName: string, columns: { key: string; label: string; kind?: 'money' | 'percent' | 'date' }[], rows: Cell[][]): ReportTable {
  const keys = columns.map((c) => c.key);
  return {
    sheetName,
    header: columns.map((c) => c.label),
    rows,
    moneyColumns: indexes(keys, columns.filter((c) => c.kind === 'money').map((c) => c.key)),
    percentColumns: indexes(keys, columns.filter((c) => c.kind === 'percent').map((c) => c.key)),
    dateColumns: indexes(keys, columns.filter((c) => c.kind === 'date').map((c) => c.key)),
  };
}

/**
 * The report's tables, the first being the main one (the CSV). `t` reads the `analytics`
 * namespace, `x` the `analyticsExport` one.
 */
export function reportTables(result: ReportResult, locale: Locale, t: Translate, x: Translate): ReportTable[] {
  switch (result.report) {
    case 'funnel':
      return funnelTables(result.data, t, x);
    case 'snapshot':
      return snapshotTables(result.data, t);
    case 'conversion':
      return conversionTables(result.data, locale, t, x);
    case 'activity':
      return activityTables(result.data, t, x);
    case 'churn':
      return churnTables(result.data, t, x);
    case 'sources':
      return sourcesTables(result.data, locale, t);
    case 'losses':
      return lossesTables(result.data, locale, t);
    case 'receivables':
      return receivablesTables(result.data, t);
  }
}

/** The median stay's band as its bounds in days, numbers a spreadsheet can use (null: open-ended or none). */
function stayBandDays(band: number | null): Cell[] {
  if (band === null) return [null, null];
  const { from, to } = stayBandBounds(band);
  return [from === null ? 0 : from / 86400, to === null ? null : to / 86400];
}

function funnelTables(data: DealFunnel, t: Translate, x: Translate): ReportTable[] {
  const stageName = new Map(data.stages.map((s) => [s.id, s.name]));
  const columns = [
    { key: 'stage', label: t('funnel.stage') },
    { key: 'reached', label: t('funnel.reached') },
    { key: 'amount', label: t('funnel.amount'), kind: 'money' as const },
    { key: 'stepConversion', label: t('funnel.stepConversion'), kind: 'percent' as const },
    { key: 'fromFirst', label: t('funnel.fromFirst'), kind: 'percent' as const },
    { key: 'lostHere', label: t('funnel.lostHere') },
    { key: 'lostHereAmount', label: x('columns.lostHereAmount'), kind: 'money' as const },
    { key: 'avgDays', label: t('funnel.avgDays') },
    { key: 'medianFrom', label: t('funnel.medianFromDays') },
    { key: 'medianTo', label: t('funnel.medianToDays') },
  ];
  const main = table(
    t('reports.funnel.title'),
    columns,
    data.total.steps.map((step) => [
      stageName.get(step.stageId) ?? String(step.stageId),
      step.deals,
      money(step.amount),
      step.stepConversion,
      step.fromFirst,
      step.lostHere,
      money(step.lostHereAmount),
      step.avgDays,
      ...stayBandDays(step.medianBand),
    ]),
  );
  const managers = table(
    t('funnel.byManager'),
    [
      { key: 'manager', label: t('funnel.manager') },
      { key: 'stage', label: t('funnel.stage') },
      { key: 'reached', label: t('funnel.reached') },
      { key: 'amount', label: t('funnel.amount'), kind: 'money' },
      { key: 'fromFirst', label: t('funnel.fromFirst'), kind: 'percent' },
    ],
    data.managers.flatMap((manager) =>
      manager.steps.map((step) => [manager.name, stageName.get(step.stageId) ?? String(step.stageId), step.deals, money(step.amount), step.fromFirst]),
    ),
  );
  return [main, managers];
}

function snapshotTables(data: PipelineSnapshot, t: Translate): ReportTable[] {
  return [
    table(
      t('reports.snapshot.title'),
      [
        { key: 'stage', label: t('snapshot.stage') },
        { key: 'deals', label: t('snapshot.deals') },
        { key: 'amount', label: t('snapshot.amount'), kind: 'money' },
        { key: 'probability', label: t('snapshot.probability'), kind: 'percent' },
        { key: 'weighted', label: t('snapshot.weighted'), kind: 'money' },
        { key: 'age', label: t('snapshot.age') },
      ],
      [
        ...data.stages.map((s): Cell[] => [s.name, s.deals, money(s.amount), s.probability / 100, money(s.weightedAmount), s.avgAgeDays]),
        [t('snapshot.total'), data.total.deals, money(data.total.amount), null, money(data.total.weightedAmount), null],
      ],
    ),
  ];
}

function conversionTables(data: ConversionReport, locale: Locale, t: Translate, x: Translate): ReportTable[] {
  const breakdown = (sheetName: string, keyLabel: string, rows: (ConversionFigures & { label: string })[]) =>
    table(
      sheetName,
      [
        { key: 'key', label: keyLabel },
        { key: 'leads', label: t('conversion.leads') },
        { key: 'converted', label: x('columns.converted') },
        { key: 'junk', label: x('columns.junk') },
        { key: 'leadConversion', label: t('conversion.leadConversion'), kind: 'percent' },
        { key: 'won', label: t('conversion.won') },
        { key: 'lost', label: t('conversion.lost') },
        { key: 'winRate', label: t('conversion.winRate'), kind: 'percent' },
        { key: 'wonAmount', label: t('conversion.wonAmount'), kind: 'money' },
        { key: 'averageDealSize', label: t('conversion.averageDealSize'), kind: 'money' },
        { key: 'averageCycleDays', label: t('conversion.averageCycleDays') },
      ],
      rows.map((row) => [
        row.label,
        row.leads?.created ?? null,
        row.leads?.converted ?? null,
        row.leads?.junk ?? null,
        row.leads?.conversion ?? null,
        row.deals.won,
        row.deals.lost,
        row.deals.winRate,
        money(row.deals.wonAmount),
        money(row.deals.averageDealSize),
        row.deals.averageCycleDays,
      ]),
    );
  const total = { ...data.totals, label: x('total') };
  return [
    breakdown(t('conversion.byManager'), t('conversion.byManager'), [...data.byManager.map((r) => ({ ...r, label: r.name ?? t('conversion.noOwner') })), total]),
    breakdown(t('conversion.bySource'), t('conversion.bySource'), [
      ...data.bySource.map((r) => ({ ...r, label: (locale === 'ru' ? r.nameRu : r.nameEn) ?? t('conversion.noSource') })),
      total,
    ]),
    breakdown(t('conversion.byPipeline'), t('conversion.byPipeline'), data.byPipeline.map((r) => ({ ...r, label: r.name }))),
    breakdown(t('conversion.byMonth'), t('conversion.byMonth'), data.byMonth.map((r) => ({ ...r, label: r.month }))),
  ];
}

function sourcesTables(data: SourcesReport, locale: Locale, t: Translate): ReportTable[] {
  const row = (label: string, f: SourcesReport['totals']): Cell[] => [
    label,
    f.leads,
    f.conversion,
    f.won,
    f.winRate,
    money(f.wonAmount),
    money(f.cost),
    money(f.costPerLead),
    money(f.costPerSale),
  ];
  return [
    table(
      t('reports.sources.title'),
      [
        { key: 'source', label: t('sources.source') },
        { key: 'leads', label: t('sources.leads') },
        { key: 'conversion', label: t('sources.conversion'), kind: 'percent' },
        { key: 'won', label: t('sources.won') },
        { key: 'winRate', label: t('sources.winRate'), kind: 'percent' },
        { key: 'wonAmount', label: t('sources.wonAmount'), kind: 'money' },
        { key: 'cost', label: t('sources.cost'), kind: 'money' },
        { key: 'costPerLead', label: t('sources.costPerLead'), kind: 'money' },
        { key: 'costPerSale', label: t('sources.costPerSale'), kind: 'money' },
      ],
      [...data.rows.map((r) => row((locale === 'ru' ? r.nameRu : r.nameEn) ?? t('sources.noSource'), r)), row(t('sources.total'), data.totals)],
    ),
  ];
}

function lossesTables(data: LossReasonsReport, locale: Locale, t: Translate): ReportTable[] {
  const byReason = table(
    t('reports.losses.title'),
    [
      { key: 'reason', label: t('losses.reason') },
      { key: 'lost', label: t('losses.lost') },
      { key: 'amount', label: t('losses.amount'), kind: 'money' },
      { key: 'share', label: t('losses.share'), kind: 'percent' },
    ],
    [
      ...data.byReason.map((r): Cell[] => [locale === 'ru' ? r.nameRu : r.nameEn, r.count, money(r.amount), r.share]),
      [t('losses.total'), data.totals.count, money(data.totals.amount), null],
    ],
  );
  const byStage = table(
    t('losses.byStage'),
    [
      { key: 'stage', label: t('losses.stage') },
      { key: 'lost', label: t('losses.lost') },
      { key: 'amount', label: t('losses.amount'), kind: 'money' },
      { key: 'share', label: t('losses.share'), kind: 'percent' },
    ],
    data.byStage.map((s): Cell[] => [
      s.name === null ? t('losses.unknownStage') : s.pipelineName ? `${s.pipelineName}: ${s.name}` : s.name,
      s.count,
      money(s.amount),
      s.share,
    ]),
  );
  return [byReason, byStage];
}

/** Churn: the months with the period and the previous one (the CSV), the cohort table and the at-risk list. */
function churnTables(data: ChurnReport, t: Translate, x: Translate): ReportTable[] {
  const row = (label: string, f: ChurnReport['totals']): Cell[] => [
    label, f.activeAtStart, f.churned, f.churnRate, f.activated, f.activeAtEnd, money(f.wonAmount), money(f.newAmount), money(f.returningAmount),
  ];
  const main = table(
    t('reports.churn.title'),
    [
      { key: 'month', label: t('churn.month') },
      { key: 'activeAtStart', label: t('churn.activeAtStart') },
      { key: 'churned', label: t('churn.churned') },
      { key: 'churnRate', label: t('churn.churnRate'), kind: 'percent' },
      { key: 'activated', label: t('churn.activated') },
      { key: 'activeAtEnd', label: t('churn.activeAtEnd') },
      { key: 'wonAmount', label: t('churn.wonAmount'), kind: 'money' },
      { key: 'newAmount', label: t('churn.newAmount'), kind: 'money' },
      { key: 'returningAmount', label: t('churn.returningAmount'), kind: 'money' },
    ],
    [...data.byMonth.map((m) => row(m.month, m)), row(t('churn.total'), data.totals), row(t('churn.previous'), data.previous)],
  );
  const months = data.cohorts.length;
  const cohorts = table(
    x('sheets.cohorts'),
    [
      { key: 'cohort', label: t('churn.cohort') },
      { key: 'clients', label: t('churn.clients') },
      ...Array.from({ length: months }, (_, n) => ({ key: `m${n}`, label: t('churn.monthsSince', { n }), kind: 'percent' as const })),
    ],
    data.cohorts.map((c): Cell[] => [c.month, c.clients, ...Array.from({ length: months }, (_, n) => c.retention[n] ?? null)]),
  );
  const atRisk = table(
    x('sheets.atRisk'),
    [
      { key: 'client', label: t('churn.client') },
      { key: 'kind', label: x('columns.clientKind') },
      { key: 'owner', label: t('churn.owner') },
      { key: 'lastWin', label: t('churn.lastWin'), kind: 'date' },
      { key: 'daysSince', label: t('churn.daysSince') },
      { key: 'usualInterval', label: t('churn.usualInterval') },
      { key: 'daysOverdue', label: t('churn.daysOverdue') },
      { key: 'wins', label: t('churn.wins') },
      { key: 'lifetimeAmount', label: t('churn.lifetimeAmount'), kind: 'money' },
      { key: 'valueAtRisk', label: t('churn.valueAtRisk'), kind: 'money' },
    ],
    data.atRisk.rows.map((r): Cell[] => [
      r.name, t(`churn.kind.${r.clientKind}`), r.ownerName, day(r.lastWinOn), r.daysSinceLastWin, r.usualIntervalDays, r.daysOverdue, r.wins, money(r.lifetimeAmount), money(r.valueAtRisk),
    ]),
  );
  return [main, cohorts, atRisk];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Receivables: per manager (the CSV) with totals, the debtors, and invoiced vs paid per month. */
function receivablesTables(data: ReceivablesReport, t: Translate): ReportTable[] {
  const r = (key: string) => t(`receivables.${key}`);
  const aging = [
    { key: 'days1to30', label: r('buckets.days1to30'), kind: 'money' as const },
    { key: 'days31to60', label: r('buckets.days31to60'), kind: 'money' as const },
    { key: 'days61to90', label: r('buckets.days61to90'), kind: 'money' as const },
    { key: 'over90', label: r('buckets.over90'), kind: 'money' as const },
  ];
  const debtCells = (d: DebtFigures): Cell[] => [
    money(d.outstanding),
    money(d.overdue),
    money(d.aging.days1to30),
    money(d.aging.days31to60),
    money(d.aging.days61to90),
    money(d.aging.over90),
  ];
  const managerRow = (label: string, m: ReceivablesReport['totals']): Cell[] => [label, m.invoiced, money(m.invoicedAmount), money(m.paidAmount), ...debtCells(m)];
  const managers = table(
    t('reports.receivables.title'),
    [
      { key: 'manager', label: r('manager') },
      { key: 'invoiced', label: r('invoicedCount') },
      { key: 'invoicedAmount', label: r('invoiced'), kind: 'money' },
      { key: 'paidAmount', label: r('paid'), kind: 'money' },
      { key: 'outstanding', label: r('outstanding'), kind: 'money' },
      { key: 'overdue', label: r('overdue'), kind: 'money' },
      ...aging,
    ],
    [...data.byManager.map((m) => managerRow(m.name, m)), managerRow(r('total'), data.totals)],
  );
  const clients = table(
    r('byClient'),
    [
      { key: 'client', label: r('client') },
      { key: 'invoices', label: r('invoices') },
      { key: 'outstanding', label: r('outstanding'), kind: 'money' },
      { key: 'overdue', label: r('overdue'), kind: 'money' },
      ...aging,
      { key: 'oldest', label: r('oldest') },
    ],
    data.byClient.map((c): Cell[] => [c.name ?? r('noClient'), c.invoices, ...debtCells(c), Math.max(0, c.maxDaysOverdue)]),
  );
  const months = table(
    r('trend'),
    [
      { key: 'month', label: r('month') },
      { key: 'invoiced', label: r('invoicedCount') },
      { key: 'invoicedAmount', label: r('invoiced'), kind: 'money' },
      { key: 'payments', label: r('paymentsCount') },
      { key: 'paidAmount', label: r('paid'), kind: 'money' },
    ],
    data.byMonth.map((m): Cell[] => [m.month, m.invoiced, money(m.invoicedAmount), m.payments, money(m.paidAmount)]),
  );
  return [managers, clients, months];
}
