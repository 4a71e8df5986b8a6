/**
 * Weighted round-robin as start-time fair queuing: every manager has a `pass`; the one at work
 * with the lowest pass gets the next lead and moves on by 1 / weight. A manager new to the
 * rotation or back from absence starts at the team's virtual time (the pass of the last pick),
 * so they neither flood with catch-up leads nor wait behind everyone. Equal weights give plain
 * round-robin: counts never differ by more than one.
 */
export interface Candidate {
  userId: number;
  weight: number;
  /** Null: never in this team's rotation. */
  pass: number | null;
  lastAssignedAt: Date | null;
  openLeads: number;
  /** Null: no cap. */
  openLeadCap: number | null;
}

export interface AssignmentPlan {
  /** The owner of each lead in order; null when nobody could take it (all capped). */
  owners: (number | null)[];
  /** Updated state of the managers that received leads. */
  passes: Map<number, { pass: number; assigned: number }>;
  virtualTime: number;
}

export function planAssignments(candidates: Candidate[], leadCount: number, virtualTime: number, now: Date): AssignmentPlan {
  const pool = candidates
    .filter((candidate) => candidate.weight > 0)
    .map((candidate) => ({ ...candidate, pass: Math.max(candidate.pass ?? virtualTime, virtualTime), assigned: 0, turn: -1 }));
  const owners: (number | null)[] = [];
  const passes = new Map<number, { pass: number; assigned: number }>();
  let clock = virtualTime;
  for (let lead = 0; lead < leadCount; lead += 1) {
    let best: (typeof pool)[number] | undefined;
    for (const candidate of pool) {
      if (candidate.openLeadCap !== null && candidate.openLeads + candidate.assigned >= candidate.openLeadCap) continue;
      if (!best || comesBefore(candidate, best)) best = candidate;
    }
    if (!best) {
      owners.push(null);
      continue;
    }
    clock = best.pass;
    best.pass = roundPass(best.pass + 1 / best.weight);
    best.assigned += 1;
    best.lastAssignedAt = now;
    best.turn = lead;
    owners.push(best.userId);
    passes.set(best.userId, { pass: best.pass, assigned: best.assigned });
  }
  return { owners, passes, virtualTime: clock };
}

/** Lowest pass first; on a tie, whoever waited longest (earlier batch, then earlier turn in this one), then the lower id. */
function comesBefore(a: { pass: number; lastAssignedAt: Date | null; turn: number; userId: number }, b: typeof a): boolean {
  if (a.pass !== b.pass) return a.pass < b.pass;
  const aTime = a.lastAssignedAt?.getTime() ?? -Infinity;
  const bTime = b.lastAssignedAt?.getTime() ?? -Infinity;
  if (aTime !== bTime) return aTime < bTime;
  if (a.turn !== b.turn) return a.turn < b.turn;
  return a.userId < b.userId;
}

/** Passes are stored as numeric(24,9): round the same way so stored and computed values agree. */
function roundPass(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
