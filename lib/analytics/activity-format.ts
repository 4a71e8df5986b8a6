/**
 * Durations in the activity report, in the reader's language (browser-safe; the export uses the
 * same words): a response time in minutes, hours or days; talk time in hours; a response band.
 */
import { responseBandBounds } from './response-bands';

const unit = (locale: string, name: 'minute' | 'hour' | 'day', digits: number) =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits });

/** Seconds as minutes under an hour, hours under a day, else days. */
export function formatDuration(seconds: number | null, locale: string): string {
  if (seconds === null) return '—';
  if (seconds < 3600) return unit(locale, 'minute', 0).format(Math.round(seconds / 60));
  if (seconds < 86400) return unit(locale, 'hour', 1).format(seconds / 3600);
  return unit(locale, 'day', 1).format(seconds / 86400);
}

/** Talk time: seconds as hours. */
export function formatHours(seconds: number, locale: string): string {
  return unit(locale, 'hour', 1).format(seconds / 3600);
}

type BandWords = (key: 'bandFirst' | 'bandMiddle' | 'bandLast', values: Record<string, string>) => string;

/** "under 5 min", "5 min – 15 min", "7 days or more" (the words from analytics.activity.band*). */
export function responseBandLabel(band: number | null, locale: string, words: BandWords): string {
  return band === null ? '—' : durationBandLabel(responseBandBounds(band), locale, words);
}

/** A band of durations given by its bounds in seconds (null: open-ended), in the reader's words. */
export function durationBandLabel({ from, to }: { from: number | null; to: number | null }, locale: string, words: BandWords): string {
  if (from === null) return words('bandFirst', { to: formatDuration(to, locale) });
  if (to === null) return words('bandLast', { from: formatDuration(from, locale) });
  return words('bandMiddle', { from: formatDuration(from, locale), to: formatDuration(to, locale) });
}
