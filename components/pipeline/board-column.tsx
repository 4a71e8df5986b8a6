'use client';

import { useDroppable } from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { formatMoney } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import type { Board, Card } from './board-state';
import { DealCard, type StageOption } from './deal-card';

type Column = Board['columns'][number];

/** A stage column: totals, its cards, and further pages on demand. */
export function BoardColumn({
  column,
  filters,
  now,
  forwardStagesOf,
  onChooseStage,
}: {
  column: Column;
  filters: { pipelineId: number; ownerId?: number; sourceId?: number; search?: string };
  now: number;
  forwardStagesOf: (card: Card) => StageOption[];
  onChooseStage: (card: Card, stageId: number) => void;
}) {
  const t = useTranslations('pipeline');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${column.stage.id}`, data: { stage: column.stage } });
  const [more, setMore] = useState<{ forCards: Card[]; cards: Card[] }>({ forCards: column.cards, cards: [] });
  const [loading, setLoading] = useState(false);
  // Extra pages belong to one version of the first page; a refreshed board starts over.
  const extra = more.forCards === column.cards ? more.cards : [];
  const extraIds = new Set(column.cards.map((c) => c.id));
  const cards = [...column.cards, ...extra.filter((c) => !extraIds.has(c.id))];

  async function loadMore() {
    setLoading(true);
    try {
      const page = await queryClient.fetchQuery(
        trpc.deals.boardColumn.queryOptions({ ...filters, stageId: column.stage.id, offset: cards.length, limit: 20 }),
      );
      setMore({ forCards: column.cards, cards: [...extra, ...page.cards] });
    } finally {
      setLoading(false);
    }
  }

  return (
    <section
      ref={setNodeRef}
      aria-label={column.stage.name}
      data-testid="board-column"
      data-stage-id={column.stage.id}
      className={`flex w-72 shrink-0 snap-start flex-col rounded-xl border p-2 ${
        isOver ? 'border-brand-500 bg-brand-50' : 'border-slate-200 bg-slate-100/70'
      }`}
    >
      <header className="mb-2 px-1">
        <h2 className="text-sm font-semibold">{column.stage.name}</h2>
        <p className="text-xs text-slate-600" data-testid="column-totals">
          {t('columnTotals', { count: column.count })} · {formatMoney(column.amount, 'RUB', locale)}
        </p>
      </header>
      <div className="flex flex-1 flex-col gap-2">
        {cards.map((card) => (
          <DealCard key={card.id} card={card} now={now} forwardStages={forwardStagesOf(card)} onChooseStage={onChooseStage} />
        ))}
        {column.count === 0 && <p className="px-1 py-6 text-center text-xs text-slate-500">{t('emptyColumn')}</p>}
      </div>
      {cards.length < column.count && (
        <button
          type="button"
          onClick={loadMore}
          disabled={loading}
          className="mt-2 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-xs font-medium hover:bg-slate-50 disabled:opacity-50"
        >
          {loading ? t('loading') : t('showMore', { count: column.count - cards.length })}
        </button>
      )}
    </section>
  );
}
