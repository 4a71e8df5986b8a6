/**
 * Fact against target: the bar fills to fact / target; a tick marks where the fact should be by
 * now (target × working days passed / working days in the month). Green at or ahead of the tick.
 */
export function ProgressBar({ progress, expected, label }: { progress: number | null; expected: number | null; label: string }) {
  const width = Math.min(1, progress ?? 0) * 100;
  const ahead = progress !== null && expected !== null && progress >= expected;
  return (
    <div className="relative h-2 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((progress ?? 0) * 100)}>
      <div className={`h-full rounded-full ${ahead ? 'bg-emerald-500' : 'bg-amber-500'}`} style={{ width: `${width}%` }} />
      {expected !== null && <div className="absolute inset-y-0 w-0.5 bg-slate-700" style={{ left: `${Math.min(1, expected) * 100}%` }} aria-hidden />}
    </div>
  );
}
