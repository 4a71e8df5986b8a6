/** Progress lines for long loads: one per finished table, and a running count every few seconds. */
import { performance } from 'node:perf_hooks';

export interface Progress {
  rows(table: string, rows: number, finished: boolean): void;
  /** A named step (index build, foreign key); shown when the previous line is a while old. */
  step(message: string): void;
}

const INTERVAL_MS = 2000;

export function createProgress(report: (message: string) => void): Progress {
  // Wall-clock time only paces the messages; it never touches generated data.
  let last = performance.now();
  const say = (message: string) => {
    last = performance.now();
    report(message);
  };
  return {
    rows(table, rows, finished) {
      if (finished) say(`${table}: ${rows.toLocaleString('en-US')} rows`);
      else if (performance.now() - last >= INTERVAL_MS) say(`${table}: ${rows.toLocaleString('en-US')} rows so far`);
    },
    step(message) {
      if (performance.now() - last >= INTERVAL_MS) say(message);
    },
  };
}
