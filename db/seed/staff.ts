/**
 * Who works here: admin, director, one head per team, managers, and deactivated former managers.
 * Ids are assigned in that order; demo accounts have fixed names so the README can list them.
 */
import { Rng, STREAM } from './random';
import type { ScaleParams } from './scale';
import { DEMO_STAFF_NAMES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES, femaleSurname } from './vocabulary-names';

export type StaffRole = 'admin' | 'executive' | 'head' | 'manager';

export interface RosterEntry {
  id: number;
  role: StaffRole;
  email: string;
  name: string;
  /** 0-based team index, or null for admin and director. */
  team: number | null;
  former: boolean;
}

const DOMAIN = 'voronka.demo';

function generatedName(seed: number, id: number): string {
  const rng = new Rng().at(seed, STREAM.staff, id * 2 + 1);
  const female = rng.chance(0.5);
  const surname = rng.pick(SURNAMES);
  return female ? `${rng.pick(FEMALE_FIRST_NAMES)} ${femaleSurname(surname)}` : `${rng.pick(MALE_FIRST_NAMES)} ${surname}`;
}

/** Everyone in id order. Names beyond the fixed demo list are drawn from the seed. */
export function staffRoster(params: ScaleParams, seed: number): RosterEntry[] {
  const roster: RosterEntry[] = [];
  const add = (role: StaffRole, email: string, fixedName: string | undefined, team: number | null, former = false) => {
    const id = roster.length + 1;
    roster.push({ id, role, email, name: fixedName ?? generatedName(seed, id), team, former });
  };
  add('admin', `admin@${DOMAIN}`, DEMO_STAFF_NAMES.admin, null);
  add('executive', `director@${DOMAIN}`, DEMO_STAFF_NAMES.executive, null);
  params.teams.forEach((_, t) => add('head', `head${t + 1}@${DOMAIN}`, DEMO_STAFF_NAMES.heads[t], t));
  let managerNo = 0;
  params.teams.forEach((team, t) => {
    for (let i = 0; i < team.managers; i++) {
      add('manager', `manager${managerNo + 1}@${DOMAIN}`, DEMO_STAFF_NAMES.managers[managerNo], t);
      managerNo++;
    }
  });
  const formerTotal = params.teams.reduce((sum, team) => sum + team.formerManagers, 0);
  let formerNo = 0;
  params.teams.forEach((team, t) => {
    for (let i = 0; i < team.formerManagers; i++) {
      formerNo++;
      const email = formerTotal === 1 ? `former@${DOMAIN}` : `former${formerNo}@${DOMAIN}`;
      add('manager', email, formerNo === 1 ? DEMO_STAFF_NAMES.former : undefined, t, true);
    }
  });
  return roster;
}

export interface TeamPlan {
  id: number;
  name: string;
  headId: number;
  regions: readonly string[] | null;
  /** Active managers' ids. */
  managers: number[];
  formers: number[];
}

export interface StaffPlan {
  roster: RosterEntry[];
  teams: TeamPlan[];
  activeManagers: number[];
  formers: number[];
  /** Indexed by user id: team id (0 = none). */
  teamOfUser: Int32Array;
  /** Indexed by user id: how well and how much a manager sells (1 = average). */
  winFactor: Float64Array;
  volume: Float64Array;
}

export function planStaff(params: ScaleParams, seed: number): StaffPlan {
  const roster = staffRoster(params, seed);
  const teams: TeamPlan[] = params.teams.map((spec, t) => {
    const head = roster.find((u) => u.role === 'head' && u.team === t);
    if (!head) throw new Error(`team ${t} has no head`);
    return {
      id: t + 1,
      name: spec.name,
      headId: head.id,
      regions: spec.regions,
      managers: roster.filter((u) => u.role === 'manager' && u.team === t && !u.former).map((u) => u.id),
      formers: roster.filter((u) => u.team === t && u.former).map((u) => u.id),
    };
  });
  const size = roster.length + 1;
  const teamOfUser = new Int32Array(size);
  const winFactor = new Float64Array(size).fill(1);
  const volume = new Float64Array(size).fill(1);
  const rng = new Rng();
  for (const u of roster) {
    teamOfUser[u.id] = u.team === null ? 0 : u.team + 1;
    rng.at(seed, STREAM.staff, u.id * 2);
    winFactor[u.id] = 0.75 + rng.next() * 0.55;
    volume[u.id] = 0.7 + rng.next() * 0.6;
  }
  return {
    roster,
    teams,
    activeManagers: roster.filter((u) => u.role === 'manager' && !u.former).map((u) => u.id),
    formers: roster.filter((u) => u.former).map((u) => u.id),
    teamOfUser,
    winFactor,
    volume,
  };
}
