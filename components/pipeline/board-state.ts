import type { RouterOutputs } from '@/lib/trpc/types';

export type Board = RouterOutputs['deals']['board'];
export type Card = Board['columns'][number]['cards'][number];

/** Kopeck-exact sum of two numeric strings (amounts never go through float arithmetic). */
export function addMoney(a: string, b: string, sign: 1 | -1 = 1): string {
  const toKopecks = (value: string) => {
    const [whole = '0', fraction = ''] = value.split('.');
    const negative = whole.startsWith('-');
    const kopecks = BigInt(whole.replace('-', '')) * 100n + BigInt((fraction + '00').slice(0, 2));
    return negative ? -kopecks : kopecks;
  };
  const total = toKopecks(a) + BigInt(sign) * toKopecks(b);
  const negative = total < 0n;
  const abs = negative ? -total : total;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * The board as it will look once the server accepts a move: the card leaves its column
 * (count and amount drop) and joins the target column, or leaves the board when won or lost.
 */
export function boardAfterMove(board: Board, cardId: number, targetStageId: number, amount?: string): Board {
  let moving: Card | undefined;
  const columns = board.columns.map((column) => {
    const card = column.cards.find((c) => c.id === cardId);
    if (!card) return column;
    moving = card;
    return {
      ...column,
      count: column.count - 1,
      amount: addMoney(column.amount, card.amount, -1),
      cards: column.cards.filter((c) => c.id !== cardId),
    };
  });
  if (!moving) return board;
  const moved: Card = { ...moving, stageId: targetStageId, amount: amount ?? moving.amount };
  return {
    ...board,
    columns: columns.map((column) =>
      column.stage.id !== targetStageId
        ? column
        : {
            ...column,
            count: column.count + 1,
            amount: addMoney(column.amount, moved.amount),
            cards: [moved, ...column.cards],
          },
    ),
  };
}
