import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';
import type { Locale } from '@/db/schema/enums';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { dealOrder } from './deal-filters';
import { dealRowsQuery } from './list-deals';
import { exportDealsInput, type ExportDealsInput } from './schemas';

/** More rows than this belong in a report or an import/export job, not a download. */
export const EXPORT_ROW_LIMIT = 100_000;

const COLUMNS = ['id', 'title', 'pipeline', 'stage', 'status', 'amount', 'currency', 'owner', 'company', 'contact', 'source', 'expectedCloseDate', 'createdAt', 'closedAt'] as const;

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
  rowCount: number;
}

/**
 * The current filtered list of deals as CSV or XLSX, in the user's language, with amounts as
 * numbers and dates as dates. The export is in the audit log (who took which data out).
 */
export async function exportDeals(ctx: ServiceContext, rawInput: ExportDealsInput, locale: Locale): Promise<ExportFile> {
  const input = exportDealsInput.parse(rawInput);
  const rows = await dealRowsQuery(ctx, input.filters)
    .orderBy(...dealOrder(input.sort.field, input.sort.direction))
    .limit(EXPORT_ROW_LIMIT + 1);
  if (rows.length > EXPORT_ROW_LIMIT) {
    throw new ServiceError('BAD_REQUEST', `filters: more than ${EXPORT_ROW_LIMIT} deals; narrow the filters`);
  }
  const t = createTranslator({ locale, messages: locale === 'ru' ? ru : en, namespace: 'deals.export' });
  const header = COLUMNS.map((column) => t(`columns.${column}`));
  const values = rows.map((row) => [
    row.id,
    row.title,
    row.pipelineName,
    row.stageName,
    t(`status.${row.status}`),
    Number(row.amount),
    row.currency,
    row.ownerName,
    row.companyName,
    row.contactName,
    locale === 'ru' ? row.sourceNameRu : row.sourceNameEn,
    row.expectedCloseDate ? new Date(`${row.expectedCloseDate}T00:00:00Z`) : null,
    row.createdAt,
    row.closedAt,
  ]);
  await writeAudit(ctx.db, {
    actorId: ctx.actor.id,
    action: 'deal.export',
    entityType: 'deal',
    entityId: null,
    changes: { format: [null, input.format], rows: [null, rows.length], filters: [null, input.filters] },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  if (input.format === 'csv') {
    return { filename: `deals-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(header, values, locale), rowCount: rows.length };
  }
  return {
    filename: `deals-${stamp}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(header, values, t('sheet')),
    rowCount: rows.length,
  };
}

type Cell = string | number | Date | null;

/** Russian Excel expects `;` and a decimal comma; a BOM makes it read UTF-8. */
function toCsv(header: string[], values: Cell[][], locale: Locale): Buffer {
  const cell = (value: Cell) => {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'number') return locale === 'ru' ? value.toFixed(2).replace('.', ',') : value.toFixed(2);
    return value ?? '';
  };
  const text = Papa.unparse([header, ...values.map((row) => row.map(cell))], { delimiter: locale === 'ru' ? ';' : ',' });
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

async function toXlsx(header: string[], values: Cell[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of values) sheet.addRow(row);
  const amountColumn = sheet.getColumn(COLUMNS.indexOf('amount') + 1);
  amountColumn.numFmt = '#,##0.00';
  for (const column of ['expectedCloseDate', 'createdAt', 'closedAt'] as const) {
    sheet.getColumn(COLUMNS.indexOf(column) + 1).numFmt = column === 'expectedCloseDate' ? 'dd.mm.yyyy' : 'dd.mm.yyyy hh:mm';
  }
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  sheet.getColumn(2).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
