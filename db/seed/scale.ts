/** How big each scale is. The generators are the same for both; only these numbers differ. */
import { CITY_TEAMS } from './vocabulary-regions';

export type SeedScale = 'demo' | 'large';

export interface TeamSpec {
  name: string;
  /** Regions served; null = every region no other team claims. */
  regions: readonly string[] | null;
  managers: number;
  /** Deactivated managers who used to work in this team. */
  formerManagers: number;
}

export interface ScaleParams {
  teams: readonly TeamSpec[];
  companies: number;
  contacts: number;
  leads: number;
  deals: number;
  proposals: number;
  invoices: number;
  /** Mean done activities per deal and per worked lead, tuned so activities land near the target. */
  dealActivityMean: number;
  leadActivityMean: number;
  /** Business days of history before `now` (about 18 months). */
  historyDays: number;
  /** Drop secondary indexes for the load and rebuild them after. */
  rebuildIndexes: boolean;
  pgliteAllowed: boolean;
}

const DEMO: ScaleParams = {
  teams: [
    { name: 'Москва', regions: ['Москва', 'Московская область'], managers: 5, formerManagers: 1 },
    { name: 'Санкт-Петербург', regions: ['Санкт-Петербург', 'Ленинградская область'], managers: 5, formerManagers: 0 },
    { name: 'Регионы', regions: null, managers: 4, formerManagers: 0 },
  ],
  companies: 600,
  contacts: 1200,
  leads: 3000,
  deals: 2000,
  proposals: 150,
  invoices: 100,
  dealActivityMean: 6.7,
  leadActivityMean: 1.5,
  historyDays: 392,
  rebuildIndexes: false,
  pgliteAllowed: true,
};

const LARGE: ScaleParams = {
  teams: CITY_TEAMS.map((name, i) => ({
    name,
    regions:
      name === 'Москва'
        ? ['Москва', 'Московская область']
        : name === 'Санкт-Петербург'
          ? ['Санкт-Петербург', 'Ленинградская область']
          : [name],
    managers: 10,
    formerManagers: i < 4 ? 1 : 0,
  })),
  companies: 300_000,
  contacts: 400_000,
  leads: 2_000_000,
  deals: 1_000_000,
  proposals: 75_000,
  invoices: 50_000,
  dealActivityMean: 2.5,
  leadActivityMean: 0.75,
  historyDays: 392,
  rebuildIndexes: true,
  pgliteAllowed: false,
};

export function scaleParams(scale: SeedScale): ScaleParams {
  return scale === 'large' ? LARGE : DEMO;
}
