import { TARGET_METRICS, type TargetMetric } from '@/db/schema';
import type { ServiceContext } from '../context';
import { monthClock, type MonthClock } from './month-clock';
import { monthFacts, type FactRow } from './plan-fact-query';
import { planFactInput, type PlanFactInput } from './plan-fact-schemas';
import { readTargetCells, type TargetCells } from './target-cells';
import { readableTargetTeam } from './target-scope';
import { firstDay } from './target-schemas';

/** One metric's plan vs fact (revenue in the organisation's currency, the rest counts). */
export interface MetricProgress {
  target: number | null;
  fact: number;
  /** Where the fact would stand now on a straight line over the working days to the target. */
  expectedByNow: number | null;
  /**
   * Fact + what the rest of the month should bring: for revenue and won deals the open pipeline
   * due this month weighted by stage probability; for new deals, calls and meetings the pace so
   * far per working day × the working days left.
   */
  forecast: number;
  /** fact / target; null without a (non-zero) target. */
  progress: number | null;
}
export type PlanFact = Record<TargetMetric, MetricProgress>;

export interface TeamPlanFact {
  clock: MonthClock;
  teamId: number;
  teamName: string;
  managers: { userId: number; name: string; metrics: PlanFact }[];
  /** The team: its members' facts; its own target where set, else the sum of its members'. */
  team: { metrics: PlanFact } | null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function metricsOf(fact: FactRow, targets: Record<TargetMetric, number | null>, clock: MonthClock): PlanFact {
  const { total, passed, left } = clock.workingDays;
  const facts: Record<TargetMetric, number> = {
    revenue: Number(fact.revenue),
    won_deals: fact.won_deals,
    new_deals: fact.new_deals,
    calls: fact.calls,
    meetings: fact.meetings,
  };
  const paced = (value: number) => (clock.over || passed === 0 ? value : Math.round(value + (value / passed) * left));
  const forecasts: Record<TargetMetric, number> = {
    revenue: clock.over ? facts.revenue : round(facts.revenue + Number(fact.weighted_amount), 2),
    won_deals: clock.over ? facts.won_deals : round(facts.won_deals + fact.weighted_deals, 1),
    new_deals: paced(facts.new_deals),
    calls: paced(facts.calls),
    meetings: paced(facts.meetings),
  };
  return Object.fromEntries(
    TARGET_METRICS.map((metric) => {
      const target = targets[metric];
      return [
        metric,
        {
          target,
          fact: facts[metric],
          expectedByNow: target === null ? null : total === 0 ? target : round((target * passed) / total, 2),
          forecast: forecasts[metric],
          progress: target ? facts[metric] / target : null,
        },
      ];
    }),
  ) as PlanFact;
}

const targetValues = (cells: TargetCells) => Object.fromEntries(TARGET_METRICS.map((m) => [m, cells[m] ? Number(cells[m]!.value) : null])) as Record<TargetMetric, number | null>;

function sumFacts(rows: FactRow[]): FactRow {
  const sum = (pick: (r: FactRow) => number) => rows.reduce((acc, r) => acc + pick(r), 0);
  return {
    owner_id: 0,
    revenue: round(sum((r) => Number(r.revenue)), 2).toFixed(2),
    won_deals: sum((r) => r.won_deals),
    new_deals: sum((r) => r.new_deals),
    calls: sum((r) => r.calls),
    meetings: sum((r) => r.meetings),
    weighted_amount: round(sum((r) => Number(r.weighted_amount)), 2).toFixed(2),
    weighted_deals: sum((r) => r.weighted_deals),
  };
}

/**
 * Plan vs fact for a month (issue 8 §2): per manager of the team (a manager: only self) and the
 * team, month to date and forecast to the month's end, paced on the production calendar.
 */
export async function getPlanFact(ctx: ServiceContext, rawInput: PlanFactInput = {}, options: { now?: Date } = {}): Promise<TeamPlanFact> {
  const input = planFactInput.parse(rawInput);
  const team = await readableTargetTeam(ctx.db, ctx.actor, input.teamId);
  const clock = await monthClock(ctx.db, input.month, options.now ?? new Date());
  const ids = team.members.map((m) => m.id);
  const isManager = ctx.actor.role === 'manager';
  const [facts, cells] = await Promise.all([
    monthFacts(ctx.db, ids, clock.from, clock.to),
    readTargetCells(ctx.db, firstDay(clock.month), ids, isManager ? [] : [team.teamId]),
  ]);
  const byOwner = new Map(facts.map((f) => [f.owner_id, f]));
  const managers = team.members.map((m) => ({ userId: m.id, name: m.name, metrics: metricsOf(byOwner.get(m.id)!, targetValues(cells.byUser.get(m.id)!), clock) }));
  let teamRow: TeamPlanFact['team'] = null;
  if (!isManager) {
    const own = targetValues(cells.byTeam.get(team.teamId)!);
    const targets = Object.fromEntries(
      TARGET_METRICS.map((metric) => {
        const members = managers.map((m) => m.metrics[metric].target).filter((t): t is number => t !== null);
        return [metric, own[metric] ?? (members.length ? round(members.reduce((a, b) => a + b, 0), 2) : null)];
      }),
    ) as Record<TargetMetric, number | null>;
    teamRow = { metrics: metricsOf(sumFacts(facts), targets, clock) };
  }
  return { clock, teamId: team.teamId, teamName: team.teamName, managers, team: teamRow };
}
