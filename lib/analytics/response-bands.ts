/**
 * The first-response bands of the activity report (browser-safe): band i covers response times
 * in [EDGES[i-1], EDGES[i]) seconds, the first from minus infinity (a first activity logged before
 * the lead's creation time counts as immediate), the last up to infinity. The summary table
 * lead_response_daily counts leads per band (its columns in the same order) and the SQL function
 * lead_response_band() uses the same edges, so the median band is exact for any period.
 */
export const RESPONSE_BAND_EDGES = [300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 604800] as const;

/** lead_response_daily's band columns, band 0 first. */
export const RESPONSE_BAND_COLUMNS = [
  'response_0_5m', 'response_5m_15m', 'response_15m_30m', 'response_30m_1h', 'response_1h_2h', 'response_2h_4h',
  'response_4h_8h', 'response_8h_1d', 'response_1d_2d', 'response_2d_7d', 'response_7d_plus',
] as const;

/** A band's bounds in seconds: [from, to), to = null for the last, from = null for the first. */
export function responseBandBounds(band: number): { from: number | null; to: number | null } {
  return { from: band === 0 ? null : RESPONSE_BAND_EDGES[band - 1]!, to: RESPONSE_BAND_EDGES[band] ?? null };
}
