/**
 * Field encoders for PostgreSQL COPY text format: rows are built as plain strings so millions
 * of them cost little. Tab separates fields, `\N` is null, and backslash, tab, newline and
 * carriage return inside a value are backslash-escaped.
 */

export const NULL = '\\N';

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPE_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return NULL;
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPE_ALL, (c) => ESCAPES[c] ?? c) : value;
}

/** Integer column; negative or NaN sentinels mean null where the caller says so. */
export function int(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? NULL : String(value);
}

/** Id column where 0 / negative means "no link". */
export function ref(id: number): string {
  return id > 0 ? String(id) : NULL;
}

export function bool(value: boolean): string {
  return value ? 't' : 'f';
}

const DAY_MS = 86_400_000;
const dayPrefixes = new Map<number, string>();
let clockTimes: string[] | null = null;

/** 'HH:MM:SS' for every second of a day, built once: formatting dates is the hot spot of big loads. */
function timesOfDay(): string[] {
  if (!clockTimes) {
    const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
    clockTimes = new Array<string>(86_400);
    for (let s = 0; s < 86_400; s++) clockTimes[s] = `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  }
  return clockTimes;
}

/** timestamptz (UTC, ISO 8601) from UTC milliseconds; NaN means null. */
export function ts(ms: number): string {
  if (Number.isNaN(ms)) return NULL;
  if (ms % 1000 !== 0) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = `${new Date(day * DAY_MS).toISOString().slice(0, 10)}T`;
    dayPrefixes.set(day, prefix);
  }
  return `${prefix}${timesOfDay()[(ms - day * DAY_MS) / 1000]}Z`;
}

/** numeric(…, 2) from an integer number of kopecks; NaN means null. */
export function money(kopecks: number): string {
  if (Number.isNaN(kopecks)) return NULL;
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const rub = Math.floor(abs / 100);
  const kop = abs - rub * 100;
  return `${sign}${rub}.${kop < 10 ? '0' : ''}${kop}`;
}

/** text[] literal: every element double-quoted, then COPY-escaped as a whole. */
export function textArray(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    literal += (i ? ',"' : '"') + v.replace(/["\\]/g, '\\$&') + '"';
  }
  return text(literal + '}');
}

/** One COPY line from already-encoded fields. */
export function line(fields: readonly string[]): string {
  return fields.join('\t');
}
