import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMoney, boardAfterMove, type Board, type Card } from './board-state';

const card = (id: number, stageId: number, amount: string): Card => ({
  id, version: 1, title: `Deal ${id}`, stageId, amount, currency: 'RUB', ownerId: 1, ownerName: 'A',
  clientName: null, nextTaskDueAt: null, openTaskCount: 0, stageEnteredAt: new Date(0),
});

const board: Board = {
  pipeline: { id: 1, name: 'Sales' },
  wonStage: { id: 9, name: 'Won', kind: 'won', sortOrder: 9, probability: 100 },
  lostStage: { id: 10, name: 'Lost', kind: 'lost', sortOrder: 10, probability: 0 },
  columns: [
    { stage: { id: 1, name: 'New', kind: 'open', sortOrder: 1, probability: 10 }, count: 2, amount: '300.10', cards: [card(1, 1, '100.05'), card(2, 1, '200.05')] },
    { stage: { id: 2, name: 'Meeting', kind: 'open', sortOrder: 2, probability: 40 }, count: 0, amount: '0.00', cards: [] },
  ],
};

describe('optimistic board moves', () => {
  it('moves a card and its amount to the target column', () => {
    const after = boardAfterMove(board, 1, 2);
    expect(after.columns.map((c) => [c.count, c.amount, c.cards.map((x) => x.id)])).toEqual([
      [1, '200.05', [2]],
      [1, '100.05', [1]],
    ]);
  });
  it('takes a won or lost card off the board', () => {
    const after = boardAfterMove(board, 2, 9, '250.00');
    expect(after.columns.map((c) => [c.count, c.amount])).toEqual([[1, '100.05'], [0, '0.00']]);
  });
  it('adds money exactly to the kopeck', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 10 ** 12 }), (a, b) => {
        const format = (k: number) => `${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}`;
        expect(addMoney(format(a), format(b))).toBe(format(a + b));
        expect(addMoney(format(a + b), format(b), -1)).toBe(format(a));
      }),
    );
  });
});
