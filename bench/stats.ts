/** Percentiles of a list of durations in milliseconds. */
export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1)! };
}

export function report(label: string, samples: number[], targetMs?: number) {
  const s = summarize(samples);
  const verdict = targetMs === undefined ? '' : s.p95 <= targetMs ? `  (target p95 ≤ ${targetMs} ms: met)` : `  (target p95 ≤ ${targetMs} ms: MISSED)`;
  console.log(`${label.padEnd(44)} n=${s.n}  p50=${s.p50.toFixed(1)} ms  p95=${s.p95.toFixed(1)} ms  p99=${s.p99.toFixed(1)} ms${verdict}`);
}

export async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
}
