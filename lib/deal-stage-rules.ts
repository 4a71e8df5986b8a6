/**
 * The sales standard's rule for moving a deal card, shared by the server (which enforces it)
 * and the board (which refuses a wrong drop at once, before asking the server).
 */
export interface StageRef {
  id: number;
  kind: 'open' | 'won' | 'lost';
  sortOrder: number;
}

export type StageMoveVerdict = 'ok' | 'same' | 'backward' | 'closed';

export function judgeStageMove(from: StageRef, to: StageRef): StageMoveVerdict {
  if (from.kind !== 'open') return 'closed';
  if (from.id === to.id) return 'same';
  if (to.kind === 'open' && to.sortOrder < from.sortOrder) return 'backward';
  return 'ok';
}
