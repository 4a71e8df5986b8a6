import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Locale } from '@/db/schema/enums';

import type { ExportFormat } from './formats';

/** More rows than this belong in an import/export job, not a download. */
export const EXPORT_ROW_LIMIT = 100_000;

export type Cell = string | number | Date | null;

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
  rowCount: number;
}

export interface Table {
  /** File name without extension, e.g. "deals". */
  name: string;
  sheetName: string;
  header: string[];
  rows: Cell[][];
  /** Column indexes (0-based) shown as money, date, or date and time in XLSX. */
  moneyColumns?: number[];
  dateColumns?: number[];
  dateTimeColumns?: number[];
}

/** A table as a CSV or XLSX download: numbers stay numbers, dates stay dates. */
export async function spreadsheetFile(table: Table, format: ExportFormat, locale: Locale): Promise<ExportFile> {
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'csv') {
    return { filename: `${table.name}-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(table, locale), rowCount: table.rows.length };
  }
  return {
    filename: `${table.name}-${stamp}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(table),
    rowCount: table.rows.length,
  };
}

/** Russian Excel expects `;` and a decimal comma; a BOM makes it read UTF-8. */
function toCsv(table: Table, locale: Locale): Buffer {
  const cell = (value: Cell) => {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'number') return locale === 'ru' ? value.toFixed(2).replace('.', ',') : value.toFixed(2);
    return value ?? '';
  };
  const text = Papa.unparse([table.header, ...table.rows.map((row) => row.map(cell))], { delimiter: locale === 'ru' ? ';' : ',' });
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  const format = (columns: number[] | undefined, numFmt: string) => {
    for (const index of columns ?? []) sheet.getColumn(index + 1).numFmt = numFmt;
  };
  format(table.moneyColumns, '#,##0.00');
  format(table.dateColumns, 'dd.mm.yyyy');
  format(table.dateTimeColumns, 'dd.mm.yyyy hh:mm');
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  sheet.getColumn(2).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
