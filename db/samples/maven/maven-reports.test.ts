/**
 * The Funnel and Conversion reports over the Maven sample give what the CSV implies: funnel counts,
 * won count, win rate and won revenue per agent, computed here straight from the CSV files.
 * (maven.test.ts checks the same figures with direct SQL.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { conversionReport } from '@/server/services/analytics/conversion';
import { dealFunnel } from '@/server/services/analytics/funnel';
import { DRIVERS, useFreshDatabase } from '@/test/test-database';
import { loadMavenSample } from './load';
import { DEFAULT_MAVEN_DIR } from './read';

const TIMEOUT = 240_000;
const pipeline = Papa.parse<Record<string, string>>(readFileSync(path.join(DEFAULT_MAVEN_DIR, 'sales_pipeline.csv'), 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;
/** All opportunities are engaged (or dated to the snapshot) from 2016-10 to 2017-12, closed in 2017. */
const ALL_CREATED = { period: 'custom', from: '2016-01-01', to: '2018-01-01' } as const;
const ALL_CLOSED = { period: 'custom', from: '2017-01-01', to: '2018-01-01' } as const;
const NOW = new Date('2026-11-23T12:00:00Z');

describe.each(DRIVERS)('reports over the Maven sample on %s', (driver) => {
  const db = useFreshDatabase(driver);
  let admin: SessionUser;

  beforeAll(async () => {
    await loadMavenSample(db());
    admin = (await loadActiveUser(db().db, 1))!;
    expect(admin.role).toBe('admin');
  }, TIMEOUT);

  it('Funnel: every deal in the cohort, as far as the CSV says it got', async () => {
    const count = (stages: string[]) => pipeline.filter((r) => stages.includes(r.deal_stage!)).length;
    const report = await dealFunnel({ db: db().db, actor: admin }, ALL_CREATED, { now: NOW });
    expect(report.stages.map((s) => s.name)).toEqual(['Prospecting', 'Engaging', 'Won']);
    expect(report.total.created).toBe(pipeline.length);
    expect(report.total.steps.map((s) => s.deals)).toEqual([pipeline.length, count(['Engaging', 'Won', 'Lost']), count(['Won'])]);
    expect(report.total.lost.deals).toBe(count(['Lost']));
    // Lost deals all got as far as Engaging.
    expect(report.total.steps.map((s) => s.lostHere)).toEqual([0, count(['Lost']), 0]);
  }, TIMEOUT);

  it('Conversion: won count, win rate and won revenue per agent and overall', async () => {
    const perAgent = new Map<string, { won: number; lost: number; revenue: number }>();
    for (const r of pipeline) {
      if (r.deal_stage !== 'Won' && r.deal_stage !== 'Lost') continue;
      const a = perAgent.get(r.sales_agent!) ?? { won: 0, lost: 0, revenue: 0 };
      if (r.deal_stage === 'Won') {
        a.won++;
        a.revenue += Number(r.close_value);
      } else a.lost++;
      perAgent.set(r.sales_agent!, a);
    }
    const report = await conversionReport({ db: db().db, actor: admin }, ALL_CLOSED, { now: NOW });
    const won = [...perAgent.values()].reduce((s, a) => s + a.won, 0);
    const lost = [...perAgent.values()].reduce((s, a) => s + a.lost, 0);
    const revenue = [...perAgent.values()].reduce((s, a) => s + a.revenue, 0);
    expect(report.totals.deals.won).toBe(won);
    expect(report.totals.deals.lost).toBe(lost);
    expect(report.totals.deals.winRate).toBeCloseTo(won / (won + lost), 12);
    expect(Number(report.totals.deals.wonAmount)).toBe(revenue);
    const rows = report.byManager.filter((m) => m.deals.won + m.deals.lost > 0);
    expect(rows).toHaveLength(perAgent.size);
    for (const m of rows) {
      const e = perAgent.get(m.name!);
      expect(e, m.name ?? 'no owner').toBeDefined();
      expect({ name: m.name, won: m.deals.won, lost: m.deals.lost, revenue: Number(m.deals.wonAmount) }).toEqual({
        name: m.name, won: e!.won, lost: e!.lost, revenue: e!.revenue,
      });
      expect(m.deals.winRate).toBeCloseTo(e!.won / (e!.won + e!.lost), 12);
    }
  }, TIMEOUT);
});
