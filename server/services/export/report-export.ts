import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { createTranslator } from 'next-intl';
import { eq } from 'drizzle-orm';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';
import { leadSources, pipelines, teams, users } from '@/db/schema';
import type { Locale } from '@/db/schema/enums';
import { REPORTS, type ReportKey } from '@/lib/analytics/reports';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { activityReport } from '../analytics/activity-report';
import { churnReport } from '../analytics/churn';
import { conversionReport } from '../analytics/conversion';
import { dealFunnel } from '../analytics/funnel';
import { lossReasonsReport } from '../analytics/loss-reasons';
import { pipelineSnapshot } from '../analytics/pipeline-snapshot';
import { receivablesReport } from '../analytics/receivables';
import { reportFilters, type ReportFilters, type ReportFiltersInput, type ReportPeriod } from '../analytics/report-filters';
import { sourcesReport } from '../analytics/sources-report';
import { EXPORT_FORMATS, type ExportFormat } from './formats';
import { reportTables, type ReportResult, type ReportTable } from './report-tables';
import type { Cell, ExportFile } from './spreadsheet';

export interface ReportExportInput {
  report: ReportKey;
  format: ExportFormat;
  filters: ReportFiltersInput;
}

/** The report as its service computes it (the role check and the head's team scope are the service's). */
export async function runReport(ctx: ServiceContext, report: ReportKey, filters: ReportFiltersInput, now?: Date): Promise<ReportResult> {
  switch (report) {
    case 'funnel':
      return { report, data: await dealFunnel(ctx, filters, { now }) };
    case 'snapshot':
      return { report, data: await pipelineSnapshot(ctx, filters, { now }) };
    case 'conversion':
      return { report, data: await conversionReport(ctx, filters, { now }) };
    case 'activity':
      return { report, data: await activityReport(ctx, filters, { now }) };
    case 'churn':
      return { report, data: await churnReport(ctx, filters, { now }) };
    case 'sources':
      return { report, data: await sourcesReport(ctx, filters, { now }) };
    case 'losses':
      return { report, data: await lossReasonsReport(ctx, filters, { now }) };
    case 'receivables':
      // A download lists every debtor, not only the largest the page shows.
      return { report, data: await receivablesReport(ctx, filters, { now, clientLimit: null }) };
  }
}

const MONEY_FORMAT = '#,##0.00';
const PERCENT_FORMAT = '0.0%';
const DATE_FORMAT = 'dd.mm.yyyy';
const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';

/**
 * One analytics report as CSV (the main table) or XLSX (a sheet per table and a sheet with the
 * filters used), in the user's language. Numbers stay numbers, money gets a money format, ratios
 * a percentage one. The export is in the audit log, as list exports are.
 */
export async function exportReport(ctx: ServiceContext, input: ReportExportInput, locale: Locale, options: { now?: Date } = {}): Promise<ExportFile> {
  if (!REPORTS.includes(input.report)) throw new ServiceError('NOT_FOUND', 'report: no such report');
  if (!EXPORT_FORMATS.includes(input.format)) throw new ServiceError('BAD_REQUEST', 'format: csv or xlsx');
  const filters = reportFilters.parse(input.filters);
  const now = options.now ?? new Date();
  const result = await runReport(ctx, input.report, filters, now);
  const messages = locale === 'ru' ? ru : en;
  const t = createTranslator({ locale, messages, namespace: 'analytics' }) as unknown as (key: string) => string;
  const x = createTranslator({ locale, messages, namespace: 'analyticsExport' }) as unknown as (key: string) => string;
  const tables = reportTables(result, locale, t, x);
  await writeAudit(ctx.db, {
    actorId: ctx.actor.id,
    action: 'report.export',
    entityType: 'report',
    entityId: null,
    changes: { report: [null, input.report], format: [null, input.format], rows: [null, tables[0]!.rows.length], filters: [null, filters] },
  });
  const stamp = now.toISOString().slice(0, 10);
  const name = `report-${input.report}-${stamp}`;
  if (input.format === 'csv') {
    return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: reportCsv(tables[0]!, locale), rowCount: tables[0]!.rows.length };
  }
  const filterRows = await filterSheetRows(ctx, result, filters, locale, now, t, x);
  return {
    filename: `${name}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await reportXlsx(tables, filterRows, x('filtersSheet')),
    rowCount: tables[0]!.rows.length,
  };
}

/** The period a result covers (the snapshot has none: it is of the moment). */
function periodOf(result: ReportResult): ReportPeriod | null {
  return result.report === 'snapshot' ? null : result.data.period;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** The last day of a half-open period [from, to). */
const lastDay = (iso: string) => new Date(day(iso).getTime() - 86_400_000);

/** The filters of a report in words: the names behind the ids, in the user's language. */
export interface ReportFilterNames {
  pipeline: string | null;
  team: string;
  manager: string;
  source: string;
}

/**
 * Names for the filters' ids (the Filters sheet, the printed page). A head's team is the own one
 * whatever the filters say: the reports count only it. `pipeline` is null when none is chosen.
 */
export async function reportFilterNames(ctx: ServiceContext, filters: ReportFilterValuesLike, locale: Locale): Promise<ReportFilterNames> {
  const t = createTranslator({ locale, messages: locale === 'ru' ? ru : en, namespace: 'analytics' }) as unknown as (key: string) => string;
  const nameOf = async (table: typeof pipelines | typeof teams | typeof users, id: number | undefined) => {
    if (id === undefined) return null;
    const [row] = await ctx.db.select({ name: table.name }).from(table).where(eq(table.id, id));
    return row?.name ?? `#${id}`;
  };
  let source: string = t('filters.allSources');
  if (filters.sourceId !== undefined) {
    const [row] = await ctx.db.select({ nameRu: leadSources.nameRu, nameEn: leadSources.nameEn }).from(leadSources).where(eq(leadSources.id, filters.sourceId));
    source = row ? (locale === 'ru' ? row.nameRu : row.nameEn) : `#${filters.sourceId}`;
  }
  const teamId = ctx.actor.role === 'head' ? (ctx.actor.teamId ?? undefined) : filters.teamId;
  return {
    pipeline: await nameOf(pipelines, filters.pipelineId),
    team: (await nameOf(teams, teamId)) ?? t('filters.allTeams'),
    manager: (await nameOf(users, filters.ownerId)) ?? t('filters.allManagers'),
    source,
  };
}

type ReportFilterValuesLike = Pick<ReportFilters, 'pipelineId' | 'teamId' | 'ownerId' | 'sourceId'>;

/** The Filters sheet: label, value; dates as dates. */
async function filterSheetRows(
  ctx: ServiceContext,
  result: ReportResult,
  filters: ReportFilters,
  locale: Locale,
  now: Date,
  t: (key: string) => string,
  x: (key: string) => string,
): Promise<{ label: string; value: Cell; format?: string }[]> {
  const period = periodOf(result);
  const names = await reportFilterNames(ctx, filters, locale);
  // Activity belongs to no pipeline or source: those filters do not narrow that report.
  const unfiltered = result.report === 'activity';
  const pipeline = unfiltered ? x('notApplicable') : result.report === 'funnel' || result.report === 'snapshot' ? result.data.pipeline.name : (names.pipeline ?? x('all'));
  const rows: { label: string; value: Cell; format?: string }[] = [
    { label: x('report'), value: t(`reports.${result.report}.title`) },
  ];
  if (period) {
    rows.push(
      { label: t('filters.period'), value: t(`filters.presets.${filters.period}`) },
      { label: x('periodFrom'), value: day(period.from), format: DATE_FORMAT },
      { label: x('periodTo'), value: lastDay(period.to), format: DATE_FORMAT },
    );
  } else {
    rows.push({ label: x('asOf'), value: now, format: DATE_TIME_FORMAT });
  }
  if (result.report === 'receivables') rows.push({ label: x('debtsAsOf'), value: day(result.data.asOf.date), format: DATE_FORMAT });
  rows.push(
    { label: t('filters.pipeline'), value: pipeline },
    { label: t('filters.team'), value: names.team },
    { label: t('filters.manager'), value: names.manager },
    { label: t('filters.source'), value: unfiltered ? x('notApplicable') : names.source },
    { label: x('generatedAt'), value: now, format: DATE_TIME_FORMAT },
    { label: x('generatedBy'), value: ctx.actor.name },
  );
  return rows;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28).trim() || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i += 1) candidate = `${base} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

async function reportXlsx(tables: ReportTable[], filterRows: { label: string; value: Cell; format?: string }[], filtersSheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.sheetName, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    const format = (columns: number[] | undefined, numFmt: string) => {
      for (const index of columns ?? []) sheet.getColumn(index + 1).numFmt = numFmt;
    };
    format(table.moneyColumns, MONEY_FORMAT);
    format(table.percentColumns, PERCENT_FORMAT);
    format(table.dateColumns, DATE_FORMAT);
    sheet.columns.forEach((column) => {
      column.width = 16;
    });
    sheet.getColumn(1).width = 32;
  }
  const filters = workbook.addWorksheet(sheetName(filtersSheetName, taken));
  for (const row of filterRows) {
    const added = filters.addRow([row.label, row.value]);
    added.getCell(1).font = { bold: true };
    if (row.format) added.getCell(2).numFmt = row.format;
  }
  filters.getColumn(1).width = 24;
  filters.getColumn(2).width = 36;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The main table as CSV for the user's Excel: Russian uses `;` and a decimal comma, with a BOM so
 * it reads UTF-8. Numbers are written in full (no rounding), empty cells stay empty.
 */
export function reportCsv(table: ReportTable, locale: Locale): Buffer {
  const cell = (value: Cell): string => {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'number') return locale === 'ru' ? String(value).replace('.', ',') : String(value);
    return value ?? '';
  };
  const text = Papa.unparse([table.header, ...table.rows.map((row) => row.map(cell))], { delimiter: locale === 'ru' ? ';' : ',' });
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}
