/**
 * Monthly targets for every active manager (this month and the five before) and team revenue
 * targets. Values follow each manager's own recent results with some stretch, so plan vs fact
 * shows both over- and under-performers.
 */
import { DAY, toReal } from './business-clock';
import type { BulkSession } from './bulk-loader';
import type { SeedContext } from './context';
import { NULL, line, money, ts } from './copy-text';
import { DEAL_WON } from './deal-path';
import type { DealsPlan } from './deals-plan';
import type { ActivitySummaries } from './load-activities';
import { monthIndex } from './months';
import { Rng, STREAM } from './random';

const METRICS = ['revenue', 'won_deals', 'new_deals', 'calls', 'meetings'] as const;

export async function loadTargets(ctx: SeedContext, session: BulkSession, deals: DealsPlan, summaries: ActivitySummaries): Promise<number> {
  const months = summaries.months;
  const slots = ctx.staff.roster.length + 1;
  // Facts per manager over the recent months: revenue (kopecks), won deals, new deals.
  const revenue = new Float64Array(slots);
  const won = new Float64Array(slots);
  const created = new Float64Array(slots);
  // Only completed months count: the current one has barely started.
  const past = months.length - 1;
  const completed = (realMs: number) => {
    const m = monthIndex(months, realMs);
    return m >= 0 && m < past;
  };
  for (let d = 0; d < deals.count; d++) {
    const owner = deals.owner[d]!;
    if (completed(toReal(deals.vCreated[d]!))) created[owner] = created[owner]! + 1;
    if (deals.status[d] === DEAL_WON && completed(deals.closedAt[d]!)) {
      revenue[owner] = revenue[owner]! + deals.amount[d]!;
      won[owner] = won[owner]! + 1;
    }
  }
  const rng = new Rng();
  let id = 0;
  return session.copy('targets', ['id', 'user_id', 'team_id', 'month', 'metric', 'value', 'set_by', 'created_at', 'updated_at', 'version'], async (w) => {
    for (const team of ctx.staff.teams) {
      const teamRevenue = new Float64Array(months.length);
      for (const manager of team.managers) {
        let calls = 0;
        let meetings = 0;
        for (let m = 0; m < past; m++) {
          calls += summaries.tally[(manager * months.length + m) * 2]!;
          meetings += summaries.tally[(manager * months.length + m) * 2 + 1]!;
        }
        const perMonth = [revenue[manager]!, won[manager]!, created[manager]!, calls, meetings].map((v) => v / Math.max(1, past));
        months.forEach((month, m) => {
          rng.at(ctx.seed, STREAM.target, manager * 64 + m);
          const setAt = ts(Math.min(ctx.now, month.start - 2 * DAY));
          METRICS.forEach((metric, k) => {
            const stretch = 1.02 + rng.next() * 0.25;
            let value: number;
            if (metric === 'revenue') {
              value = Math.max(10_000_00, Math.round((perMonth[0]! * stretch) / 1_000_000) * 1_000_000);
              teamRevenue[m] = teamRevenue[m]! + value;
            } else {
              value = Math.max(1, Math.round(perMonth[k]! * stretch)) * 100;
            }
            w.push(line([String(++id), String(manager), NULL, month.first, metric, money(value), String(team.headId), setAt, setAt, '1']));
          });
        });
      }
      months.forEach((month, m) => {
        const setAt = ts(Math.min(ctx.now, month.start - 5 * DAY));
        w.push(line([String(++id), NULL, String(team.id), month.first, 'revenue', money(teamRevenue[m]!), '2', setAt, setAt, '1']));
      });
    }
  });
}
