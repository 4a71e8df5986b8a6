/**
 * Reads the Maven Analytics "CRM Sales Opportunities" CSV files (shared/datasets/
 * maven_crm_sales_opportunities/) with papaparse and checks every row before anything is mapped.
 *
 * The files are the untouched originals (CRLF line endings, typos kept); the data traps their
 * README lists are handled here and in plan.ts:
 * - empty cells (account, engage_date, close_date, close_value of open deals) become null, never
 *   '' or 0;
 * - every row is validated (stage values, ISO dates, numbers, close after engage), so a re-saved
 *   or edited copy fails loudly instead of loading half-right figures.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';

/**
 * Where `npm run db:load-sample maven` looks by default: ../shared/datasets/… next to the
 * repository when it is there, else the byte-for-byte copy kept in the repository (public domain,
 * provenance in data/README.md), so a clean clone anywhere can load the sample and run its tests.
 */
const SHARED_MAVEN_DIR = path.resolve(process.cwd(), '..', 'shared', 'datasets', 'maven_crm_sales_opportunities');
const BUNDLED_MAVEN_DIR = path.resolve(import.meta.dirname, 'data');
export const DEFAULT_MAVEN_DIR = existsSync(path.join(SHARED_MAVEN_DIR, 'sales_pipeline.csv')) ? SHARED_MAVEN_DIR : BUNDLED_MAVEN_DIR;

export const MAVEN_STAGES = ['Prospecting', 'Engaging', 'Won', 'Lost'] as const;
export type MavenStage = (typeof MAVEN_STAGES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** '' → null; the originals leave open deals' dates, values and (often) accounts empty. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v), schema.nullable());
const required = z.string().trim().min(1);
const decimal = z.string().trim().regex(/^\d+(\.\d+)?$/, 'expected a non-negative number');

const accountRow = z.object({
  account: required,
  sector: required,
  year_established: z.string().trim().regex(/^\d{4}$/),
  revenue: decimal,
  employees: z.string().trim().regex(/^\d+$/),
  office_location: required,
  subsidiary_of: optional(z.string()),
});

const productRow = z.object({ product: required, series: required, sales_price: decimal });

const teamRow = z.object({ sales_agent: required, manager: required, regional_office: required });

const pipelineRow = z
  .object({
    opportunity_id: required,
    sales_agent: required,
    product: required,
    account: optional(z.string()),
    deal_stage: z.enum(MAVEN_STAGES),
    engage_date: optional(isoDate),
    close_date: optional(isoDate),
    close_value: optional(decimal),
  })
  .superRefine((row, ctx) => {
    const open = row.deal_stage === 'Prospecting' || row.deal_stage === 'Engaging';
    if (row.deal_stage !== 'Prospecting' && row.engage_date === null) ctx.addIssue({ code: 'custom', message: `${row.deal_stage} without engage_date` });
    if (row.deal_stage === 'Prospecting' && row.engage_date !== null) ctx.addIssue({ code: 'custom', message: 'Prospecting with an engage_date' });
    if (open && (row.close_date !== null || row.close_value !== null)) ctx.addIssue({ code: 'custom', message: 'open deal with a close date or value' });
    if (!open && (row.close_date === null || row.close_value === null)) ctx.addIssue({ code: 'custom', message: 'closed deal without close date or value' });
    if (row.engage_date && row.close_date && row.close_date < row.engage_date) ctx.addIssue({ code: 'custom', message: 'closed before engaged' });
  });

export type MavenAccount = z.infer<typeof accountRow>;
export type MavenProduct = z.infer<typeof productRow>;
export type MavenTeamRow = z.infer<typeof teamRow>;
export type MavenOpportunity = z.infer<typeof pipelineRow>;

export interface MavenData {
  accounts: MavenAccount[];
  products: MavenProduct[];
  teams: MavenTeamRow[];
  opportunities: MavenOpportunity[];
}

async function readCsv<T>(dir: string, file: string, schema: z.ZodType<T>, columns: string[]): Promise<T[]> {
  const full = path.join(dir, file);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch {
    throw new Error(`Maven sample: cannot read ${full}. Is the data set at ${dir}?`);
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new Error(`Maven sample: ${file} row ${e.row ?? '?'}: ${e.message}`);
  }
  const missing = columns.filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length > 0) throw new Error(`Maven sample: ${file} lacks the column(s) ${missing.join(', ')}`);
  return parsed.data.map((raw, i) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new Error(`Maven sample: ${file} line ${i + 2}: ${issue.path.join('.') || 'row'}: ${issue.message}`);
    }
    return result.data;
  });
}

export async function readMavenData(dir: string = DEFAULT_MAVEN_DIR): Promise<MavenData> {
  const [accounts, products, teams, opportunities] = await Promise.all([
    readCsv(dir, 'accounts.csv', accountRow, ['account', 'sector', 'year_established', 'revenue', 'employees', 'office_location', 'subsidiary_of']),
    readCsv(dir, 'products.csv', productRow, ['product', 'series', 'sales_price']),
    readCsv(dir, 'sales_teams.csv', teamRow, ['sales_agent', 'manager', 'regional_office']),
    readCsv(dir, 'sales_pipeline.csv', pipelineRow, [
      'opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value',
    ]),
  ]);
  return { accounts, products, teams, opportunities };
}
