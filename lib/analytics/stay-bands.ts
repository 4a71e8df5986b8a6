/**
 * The time-in-stage bands of the funnel (browser-safe): band i covers stays in [EDGES[i-1],
 * EDGES[i]) seconds, the first from 0, the last up to infinity. stage_stay_monthly counts stays
 * per band (its columns in the same order) and the SQL function stage_stay_band() uses the same
 * edges, so the median band is exact for any period.
 */
export const STAY_BAND_EDGES = [3600, 14400, 43200, 86400, 172800, 259200, 432000, 604800, 1209600, 2592000, 5184000, 7776000] as const;

/** stage_stay_monthly's band columns, band 0 first. */
export const STAY_BAND_COLUMNS = [
  'stays_0_1h', 'stays_1h_4h', 'stays_4h_12h', 'stays_12h_1d', 'stays_1d_2d', 'stays_2d_3d', 'stays_3d_5d',
  'stays_5d_7d', 'stays_7d_14d', 'stays_14d_30d', 'stays_30d_60d', 'stays_60d_90d', 'stays_90d_plus',
] as const;

/** A band's bounds in seconds: [from, to), to = null for the last, from = null for the first. */
export function stayBandBounds(band: number): { from: number | null; to: number | null } {
  return { from: band === 0 ? null : STAY_BAND_EDGES[band - 1]!, to: STAY_BAND_EDGES[band] ?? null };
}
