/** Everything every generator needs: the seed, the time anchor in both clocks, the staff. */
import { DAY, mskDay, toVirtual } from './business-clock';
import type { CompanyName } from './client-profiles';
import { Rng, WeightedTable } from './random';
import type { ScaleParams } from './scale';
import { planStaff, type StaffPlan } from './staff';
import { REGIONS } from './vocabulary-regions';

export interface TeamRouting {
  /** Indices into REGIONS this team serves, with a weighted picker over them. */
  regions: number[];
  regionPicker: WeightedTable;
  /** Active managers, weighted by their volume. */
  managerPicker: WeightedTable;
}

export interface SeedContext {
  seed: number;
  params: ScaleParams;
  /** Anchor in real time (UTC ms, whole seconds) and in business (virtual) time. */
  now: number;
  vNow: number;
  /** First business day of the history window. */
  vStart: number;
  /** Moscow day number of `now`: "today" for tasks and birthdays. */
  today: number;
  staff: StaffPlan;
  /** When former managers were deactivated (virtual). */
  vDeactivated: number;
  routing: TeamRouting[];
  /** Teams weighted by their active head count: where a new client or lead goes. */
  teamPicker: WeightedTable;
  /** Team index (0-based) of each region. */
  teamOfRegion: Int32Array;
  /** Memo of generated company names (see client-profiles.ts). */
  companyNames: CompanyName[];
}

export function createContext(params: ScaleParams, seed: number, nowMs: number): SeedContext {
  const now = Math.floor(nowMs / 1000) * 1000;
  const vNow = toVirtual(now);
  const vStart = (Math.floor(vNow / DAY) - params.historyDays) * DAY;
  const staff = planStaff(params, seed);
  const claimed = new Set(params.teams.flatMap((t) => t.regions ?? []));
  const teamOfRegion = new Int32Array(REGIONS.length).fill(-1);
  const routing: TeamRouting[] = staff.teams.map((team, t) => {
    const regions = REGIONS.map((r, i) => ({ r, i }))
      .filter(({ r }) => (team.regions ? team.regions.includes(r.name) : !claimed.has(r.name)))
      .map(({ i }) => i);
    if (regions.length === 0) throw new Error(`team ${team.name} serves no region`);
    for (const i of regions) teamOfRegion[i] = t;
    return {
      regions,
      regionPicker: new WeightedTable(regions.map((i) => REGIONS[i]!.weight)),
      managerPicker: new WeightedTable(team.managers.map((id) => staff.volume[id]!)),
    };
  });
  const teamPicker = new WeightedTable(
    staff.teams.map((team) => team.managers.reduce((sum, id) => sum + staff.volume[id]!, 0)),
  );
  return {
    seed,
    params,
    now,
    vNow,
    vStart,
    today: mskDay(now),
    staff,
    vDeactivated: vNow - 140 * DAY,
    routing,
    teamPicker,
    teamOfRegion,
    companyNames: [],
  };
}

/** A manager of team `t` (0-based), weighted by volume. */
export function pickManager(ctx: SeedContext, t: number, rng: Rng): number {
  const team = ctx.staff.teams[t]!;
  return team.managers[ctx.routing[t]!.managerPicker.pick(rng)]!;
}
