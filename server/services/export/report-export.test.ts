import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { sql } from 'drizzle-orm';
import { STAY_BAND_EDGES } from '@/lib/analytics/stay-bands';
import { rowsOf } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { DRIVERS, useFreshDatabase } from '@/test/test-database';
import { reportExportResponse } from '@/server/http/report-export-response';
import type { ReportKey } from '@/lib/analytics/reports';
import { activityReport } from '../analytics/activity-report';
import { churnReport } from '../analytics/churn';
import { conversionReport } from '../analytics/conversion';
import { dealFunnel } from '../analytics/funnel';
import { lossReasonsReport } from '../analytics/loss-reasons';
import { pipelineSnapshot } from '../analytics/pipeline-snapshot';
import { receivablesReport } from '../analytics/receivables';
import { sourcesReport } from '../analytics/sources-report';
import { exportReport } from './report-export';

/** The demo organisation as of this moment (Europe/Moscow). */
const SEEDED_AT = new Date('2026-11-22T09:30:00Z');
const now = SEEDED_AT;

type Value = string | number | null;
const num = (value: string | null) => (value === null ? null : Number(value));

/** A worksheet's values, row by row (dates as Dates, empty cells as null). */
function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const value = row.getCell(c).value;
      values.push(value === undefined || value === '' ? null : value);
    }
    rows.push(values);
  });
  return rows;
}

async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** The CSV read back as the user's Excel would: `;` and decimal comma in Russian. */
function readCsv(body: Buffer, locale: 'ru' | 'en'): Value[][] {
  const text = body.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: locale === 'ru' ? ';' : ',', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data.map((row, index) =>
    index === 0
      ? row
      : row.map((cell) => {
          if (cell === '') return null;
          const normalised = locale === 'ru' ? cell.replace(',', '.') : cell;
          return /^-?\d+(\.\d+)?(e-?\d+)?$/.test(normalised) ? Number(normalised) : cell;
        }),
  );
}

describe.each(DRIVERS)('report exports equal the reports on the demo organisation, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  const db = () => database().db;
  let executive: SessionUser;
  let head: SessionUser;
  let manager: SessionUser;

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: SEEDED_AT });
    const pick = async (role: string) => {
      const [row] = rowsOf<{ id: number }>(await db().execute(sql`select id from users where role = ${role} and is_active order by id limit 1`));
      return (await loadActiveUser(db(), row!.id))!;
    };
    [executive, head, manager] = await Promise.all([pick('executive'), pick('head'), pick('manager')]);
  });

  /** A median stay band as its bounds in days (STAY_BAND_EDGES are seconds). */
  const medianBandDays = (band: number | null): Value[] =>
    band === null ? [null, null] : [band === 0 ? 0 : STAY_BAND_EDGES[band - 1]! / 86400, band < STAY_BAND_EDGES.length ? STAY_BAND_EDGES[band]! / 86400 : null];

  /** The main table of each report, written from its JSON: first column a label, then the figures. */
  const expectedMain: Record<ReportKey, (actor: SessionUser) => Promise<{ header: string[]; rows: Value[][] }>> = {
    funnel: async (actor) => {
      const report = await dealFunnel({ db: db(), actor }, { period: 'year' }, { now });
      const names = new Map(report.stages.map((s) => [s.id, s.name]));
      return {
        header: ['Stage', 'Reached the stage', 'Amount', 'To the next stage', 'From the first stage', 'Lost here', 'Lost here, amount', 'Days in stage, average', 'Median stay from, days', 'Median stay to, days'],
        rows: report.total.steps.map((s) => [names.get(s.stageId)!, s.deals, num(s.amount), s.stepConversion, s.fromFirst, s.lostHere, num(s.lostHereAmount), s.avgDays, ...medianBandDays(s.medianBand)]),
      };
    },
    snapshot: async (actor) => {
      const report = await pipelineSnapshot({ db: db(), actor }, { period: 'year' }, { now });
      return {
        header: ['Stage', 'Deals', 'Amount', 'Probability', 'Weighted amount', 'Average age in stage, days'],
        rows: [
          ...report.stages.map((s) => [s.name, s.deals, num(s.amount), s.probability / 100, num(s.weightedAmount), s.avgAgeDays]),
          ['Total', report.total.deals, num(report.total.amount), null, num(report.total.weightedAmount), null],
        ],
      };
    },
    conversion: async (actor) => {
      const report = await conversionReport({ db: db(), actor }, { period: 'year' }, { now });
      const row = (label: string, f: typeof report.totals): Value[] => [
        label, f.leads!.created, f.leads!.converted, f.leads!.junk, f.leads!.conversion,
        f.deals.won, f.deals.lost, f.deals.winRate, num(f.deals.wonAmount), num(f.deals.averageDealSize), f.deals.averageCycleDays,
      ];
      return {
        header: ['Manager', 'Leads', 'Converted to deals', 'Junk', 'Lead → deal', 'Won', 'Lost', 'Win rate', 'Revenue', 'Average deal', 'Sales cycle, days'],
        rows: [...report.byManager.map((m) => row(m.name ?? 'No owner', m)), row('Total', report.totals)],
      };
    },
    activity: async (actor) => {
      const report = await activityReport({ db: db(), actor }, { period: 'year' }, { now });
      const bounds = (band: number | null): Value[] => (band === null ? [null, null] : [[0, 5, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080][band]!, [5, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080, null][band]!]);
      const row = (label: string, r: typeof report.totals): Value[] => [
        label, r.calls, r.callsIn, r.callsOut, r.talkSeconds / 3600, r.meetings, r.emails, r.tasksDone, r.planned, r.overdue, r.overdueNow,
        r.callsTarget.target, r.callsTarget.done, r.meetingsTarget.target, r.meetingsTarget.done,
        r.response.leads, r.response.averageSeconds === null ? null : r.response.averageSeconds / 60, ...bounds(r.response.medianBand), r.response.waiting,
      ];
      return {
        header: [
          'Manager', 'Calls', 'Incoming', 'Outgoing', 'Talk time, h', 'Meetings', 'E-mails', 'Tasks completed', 'Planned', 'Overdue', 'Overdue now',
          'Calls plan', 'Calls plan, % done', 'Meetings plan', 'Meetings plan, % done', 'New leads', 'First response, average, min',
          'Median band from, min', 'Median band to, min', 'No activity yet',
        ],
        rows: [...report.managers.map((m) => row(m.name, m)), row('Total', report.totals)],
      };
    },
    churn: async (actor) => {
      const report = await churnReport({ db: db(), actor }, { period: 'year' }, { now });
      const row = (label: string, f: typeof report.totals): Value[] => [
        label, f.activeAtStart, f.churned, f.churnRate, f.activated, f.activeAtEnd, num(f.wonAmount), num(f.newAmount), num(f.returningAmount),
      ];
      return {
        header: ['Month', 'Active at the start', 'Churned', 'Churn rate', 'New (became active)', 'Active at the end', 'Revenue', 'New revenue', 'Returning revenue'],
        rows: [...report.byMonth.map((m) => row(m.month, m)), row('Period', report.totals), row('Previous period', report.previous)],
      };
    },
    sources: async (actor) => {
      const report = await sourcesReport({ db: db(), actor }, { period: 'year' }, { now });
      const row = (label: string, f: typeof report.totals): Value[] => [
        label, f.leads, f.conversion, f.won, f.winRate, num(f.wonAmount), num(f.cost), num(f.costPerLead), num(f.costPerSale),
      ];
      return {
        header: ['Source', 'Leads', 'Lead conversion', 'Won', 'Win rate', 'Revenue', 'Cost', 'Cost per lead', 'Cost per sale'],
        rows: [...report.rows.map((r) => row(r.nameEn ?? 'No source', r)), row('Total', report.totals)],
      };
    },
    losses: async (actor) => {
      const report = await lossReasonsReport({ db: db(), actor }, { period: 'year' }, { now });
      return {
        header: ['Reason', 'Deals lost', 'Amount', 'Share'],
        rows: [...report.byReason.map((r) => [r.nameEn, r.count, num(r.amount), r.share]), ['Total', report.totals.count, num(report.totals.amount), null]],
      };
    },
    receivables: async (actor) => {
      const report = await receivablesReport({ db: db(), actor }, { period: 'year' }, { now });
      const row = (label: string, m: typeof report.totals): Value[] => [
        label, m.invoiced, num(m.invoicedAmount), num(m.paidAmount), num(m.outstanding), num(m.overdue),
        num(m.aging.days1to30), num(m.aging.days31to60), num(m.aging.days61to90), num(m.aging.over90),
      ];
      return {
        header: ['Manager', 'Invoices issued', 'Invoiced', 'Paid', 'Owed by clients', 'Overdue', '1–30 days', '31–60 days', '61–90 days', 'Over 90 days'],
        rows: [...report.byManager.map((m) => row(m.name, m)), row('Total', report.totals)],
      };
    },
  };

  for (const report of ['funnel', 'snapshot', 'conversion', 'activity', 'churn', 'sources', 'losses', 'receivables'] as const) {
    it(`exports the ${report} report: the XLSX equals the table, typed, with the filters; the CSV parses into the same rows`, async () => {
      const expected = await expectedMain[report](executive);
      expect(expected.rows.length).toBeGreaterThan(1);
      const ctx = { db: db(), actor: executive };

      const xlsx = await exportReport(ctx, { report, format: 'xlsx', filters: { period: 'year' } }, 'en', { now });
      expect(xlsx.filename).toBe(`report-${report}-2026-11-22.xlsx`);
      const workbook = await readXlsx(xlsx.body);
      const main = workbook.worksheets[0]!;
      const values = sheetValues(main);
      expect(values[0]).toEqual(expected.header);
      expect(values.slice(1)).toEqual(expected.rows);
      // Numbers are numbers, and money and ratios carry their formats.
      const firstRow = main.getRow(2);
      expect(typeof firstRow.getCell(2).value).toBe('number');
      const moneyColumn = expected.header.findIndex((h) => ['Amount', 'Revenue', 'Invoiced'].includes(h)) + 1;
      if (report === 'activity') expect(main.getColumn(expected.header.indexOf('Calls plan, % done') + 1).numFmt).toBe('0.0%');
      else {
        expect(moneyColumn).toBeGreaterThan(0);
        expect(main.getColumn(moneyColumn).numFmt).toBe('#,##0.00');
      }

      const filters = workbook.getWorksheet('Filters')!;
      expect(filters).toBeDefined();
      const filterValues = Object.fromEntries(sheetValues(filters).map(([label, value]) => [label, value]));
      if (report === 'snapshot') {
        expect(filterValues['As of']).toEqual(now);
      } else {
        expect(filterValues['Period']).toBe('Year');
        expect(filterValues['Period from']).toEqual(new Date('2026-01-01T00:00:00Z'));
        expect(filterValues['Period to (inclusive)']).toEqual(new Date('2026-12-31T00:00:00Z'));
      }
      expect(filterValues['Team']).toBe('All teams');
      expect(filterValues['Manager']).toBe('All managers');
      expect(filterValues['Source']).toBe(report === 'activity' ? 'Does not apply' : 'All sources');
      expect(filterValues['Generated at']).toEqual(now);

      for (const locale of ['en', 'ru'] as const) {
        const csv = await exportReport(ctx, { report, format: 'csv', filters: { period: 'year' } }, locale, { now });
        const rows = readCsv(csv.body, locale);
        if (locale === 'en') expect(rows[0]).toEqual(expected.header);
        expect(rows.slice(1).map((row) => row.slice(1))).toEqual(expected.rows.map((row) => row.slice(1)));
      }
    });
  }

  it('exports the churn cohorts and the at-risk clients as sheets of their own, typed', async () => {
    const report = await churnReport({ db: db(), actor: executive }, { period: 'year' }, { now });
    const workbook = await readXlsx((await exportReport({ db: db(), actor: executive }, { report: 'churn', format: 'xlsx', filters: { period: 'year' } }, 'en', { now })).body);
    const cohorts = sheetValues(workbook.getWorksheet('Cohorts')!);
    expect(cohorts[0]).toEqual(['First purchase', 'Clients', ...report.cohorts.map((_, n) => `Month ${n}`)]);
    expect(cohorts.slice(1)).toEqual(report.cohorts.map((c) => [c.month, c.clients, ...report.cohorts.map((_, n) => c.retention[n] ?? null)]));
    expect(workbook.getWorksheet('Cohorts')!.getColumn(3).numFmt).toBe('0.0%');
    const atRisk = workbook.getWorksheet('At risk')!;
    const rows = sheetValues(atRisk);
    expect(rows[0]).toEqual(['Client', 'Kind', 'Owner', 'Last win', 'Days since', 'Usual interval, days', 'Days overdue', 'Wins', 'Lifetime revenue', 'Value at risk']);
    expect(report.atRisk.rows.length).toBeGreaterThan(0);
    expect(rows.slice(1)).toEqual(
      report.atRisk.rows.map((r) => [
        r.name, r.clientKind === 'company' ? 'Company' : 'Contact', r.ownerName, new Date(`${r.lastWinOn}T00:00:00Z`), r.daysSinceLastWin,
        r.usualIntervalDays, r.daysOverdue, r.wins, num(r.lifetimeAmount), num(r.valueAtRisk),
      ]),
    );
    expect(atRisk.getColumn(4).numFmt).toBe('dd.mm.yyyy');
    expect(atRisk.getColumn(10).numFmt).toBe('#,##0.00');
  });

  it('exports every debtor of the receivables report (the page lists only the largest), and the day the debts are taken', async () => {
    const report = await receivablesReport({ db: db(), actor: executive }, { period: 'lastMonth' }, { now, clientLimit: null });
    expect(report.debtors).toBeGreaterThan(0);
    const xlsx = await exportReport({ db: db(), actor: executive }, { report: 'receivables', format: 'xlsx', filters: { period: 'lastMonth' } }, 'en', { now });
    const workbook = await readXlsx(xlsx.body);
    const debtors = sheetValues(workbook.worksheets[1]!);
    expect(debtors[0]).toEqual(['Client', 'Unpaid invoices', 'Owed by clients', 'Overdue', '1–30 days', '31–60 days', '61–90 days', 'Over 90 days', 'Longest overdue, days']);
    expect(debtors.slice(1)).toEqual(
      report.byClient.map((c) => [c.name, c.invoices, num(c.outstanding), num(c.overdue), num(c.aging.days1to30), num(c.aging.days31to60), num(c.aging.days61to90), num(c.aging.over90), Math.max(0, c.maxDaysOverdue)]),
    );
    expect(debtors).toHaveLength(report.debtors + 1);
    const months = sheetValues(workbook.worksheets[2]!);
    expect(months.slice(1).map((m) => m[0])).toEqual(report.byMonth.map((m) => m.month));
    const filters = Object.fromEntries(sheetValues(workbook.getWorksheet('Filters')!).map(([label, value]) => [label, value]));
    expect(filters['Debts as of']).toEqual(new Date('2026-10-31T00:00:00Z'));
  });

  it('writes the export in the audit log', async () => {
    await exportReport({ db: db(), actor: executive }, { report: 'losses', format: 'csv', filters: { period: 'lastMonth' } }, 'ru', { now });
    const [entry] = rowsOf<{ actor_id: number; changes: Record<string, [unknown, unknown]> }>(
      await db().execute(sql`select actor_id, changes from audit_log where action = 'report.export' order by id desc limit 1`),
    );
    expect(entry!.actor_id).toBe(executive.id);
    expect(entry!.changes.report![1]).toBe('losses');
    expect(entry!.changes.format![1]).toBe('csv');
  });

  it('refuses a manager, a stranger and an unknown report over HTTP, and gives a head only the own team', async () => {
    const params = (query: string) => new URLSearchParams(query);
    const denied = await reportExportResponse({ db: db(), user: manager }, 'conversion', params('format=xlsx'), 'en', { now });
    expect(denied.status).toBe(403);
    for (const report of ['funnel', 'snapshot', 'churn', 'sources', 'losses', 'receivables']) {
      expect((await reportExportResponse({ db: db(), user: manager }, report, params('format=csv'), 'en', { now })).status).toBe(403);
    }
    expect((await reportExportResponse({ db: db(), user: null }, 'funnel', params('format=csv'), 'en', { now })).status).toBe(401);
    expect((await reportExportResponse({ db: db(), user: executive }, 'nope', params('format=csv'), 'en', { now })).status).toBe(404);
    expect((await reportExportResponse({ db: db(), user: executive }, 'funnel', params('format=pdf'), 'en', { now })).status).toBe(400);
    expect((await reportExportResponse({ db: db(), user: executive }, 'funnel', params('format=csv&period=custom&from=2026-05-01'), 'en', { now })).status).toBe(400);
    expect((await reportExportResponse({ db: db(), user: head }, 'conversion', params(`format=csv&teamId=${head.teamId! + 1}`), 'en', { now })).status).toBe(403);

    const response = await reportExportResponse({ db: db(), user: head }, 'conversion', params('format=xlsx&period=year'), 'en', { now });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('report-conversion-');
    const workbook = await readXlsx(Buffer.from(await response.arrayBuffer()));
    const team = new Set(rowsOf<{ name: string }>(await db().execute(sql`select name from users where team_id = ${head.teamId}`)).map((r) => r.name));
    const [{ name: teamName }] = rowsOf<{ name: string }>(await db().execute(sql`select name from teams where id = ${head.teamId}`)) as [{ name: string }];
    const managers = sheetValues(workbook.worksheets[0]!).slice(1, -1).map((row) => row[0]);
    expect(managers.length).toBeGreaterThan(0);
    for (const name of managers) expect(team.has(name as string)).toBe(true);
    const headReport = await conversionReport({ db: db(), actor: head }, { period: 'year' }, { now });
    const totals = sheetValues(workbook.worksheets[0]!).at(-1)!;
    expect(totals.slice(0, 2)).toEqual(['Total', headReport.totals.leads!.created]);
    expect(totals[5]).toBe(headReport.totals.deals.won);
    const filters = Object.fromEntries(sheetValues(workbook.getWorksheet('Filters')!).map(([label, value]) => [label, value]));
    expect(filters['Team']).toBe(teamName);

    const all = await conversionReport({ db: db(), actor: executive }, { period: 'year' }, { now });
    expect(headReport.totals.deals.won).toBeLessThan(all.totals.deals.won);

    const funnel = await reportExportResponse({ db: db(), user: head }, 'funnel', params('format=xlsx&period=year'), 'ru', { now });
    const funnelBook = await readXlsx(Buffer.from(await funnel.arrayBuffer()));
    const funnelManagers = new Set(sheetValues(funnelBook.worksheets[1]!).slice(1).map((row) => row[0]));
    for (const name of funnelManagers) expect(team.has(name as string)).toBe(true);
  });
});
