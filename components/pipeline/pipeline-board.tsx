'use client';

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useDeferredValue, useEffect, useState } from 'react';
import { judgeStageMove, type StageRef } from '@/lib/deal-stage-rules';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';
import { BoardColumn } from './board-column';
import { BOARD_PAGE_SIZE } from './board-query';
import { BoardFilters, type BoardFilterValues } from './board-filters';
import { boardAfterMove, type Board, type Card } from './board-state';
import { CloseDealDialog, type CloseDealValues, type CloseKind } from '@/components/deals/close-deal-dialog';
import { CloseDropZones } from './close-drop-zones';
import { DealCard } from './deal-card';

type Reference = RouterOutputs['reference'];

/** The kanban: filters, columns, drag and drop forward only, won / lost dialogs, optimistic moves. */
export function PipelineBoard({
  pipelines,
  owners,
  sources,
  reasons,
  initialFilters,
  serverNow,
  canMove,
}: {
  pipelines: Reference['pipelines'];
  owners: Reference['owners'];
  sources: Reference['leadSources'];
  reasons: Reference['lossReasons'];
  initialFilters: BoardFilterValues;
  serverNow: number;
  canMove: boolean;
}) {
  const t = useTranslations('pipeline');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState(initialFilters);
  const search = useDeferredValue(filters.search);
  const boardInput = { ...filters, search: search || undefined, perColumn: BOARD_PAGE_SIZE };
  const boardKey = trpc.deals.board.queryKey(boardInput);
  const { data: board, isFetching } = useQuery({
    ...trpc.deals.board.queryOptions(boardInput),
    placeholderData: keepPreviousData,
  });
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const [notice, setNotice] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const [dragging, setDragging] = useState<Card | null>(null);
  const [closing, setClosing] = useState<{ card: Card; kind: CloseKind; stageId: number } | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );

  const move = useMutation(
    trpc.deals.move.mutationOptions({
      onMutate: async (variables) => {
        await queryClient.cancelQueries({ queryKey: boardKey });
        const previous = queryClient.getQueryData<Board>(boardKey);
        if (previous) {
          const amount = variables.amount === undefined ? undefined : normaliseAmount(String(variables.amount));
          queryClient.setQueryData(boardKey, boardAfterMove(previous, variables.id, variables.stageId, amount));
        }
        return { previous };
      },
      onError: (error, _variables, context) => {
        if (context?.previous) queryClient.setQueryData(boardKey, context.previous);
        setNotice({ tone: 'error', text: messageForMoveError(error, t) });
      },
      onSuccess: () => setNotice({ tone: 'ok', text: t('moved') }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.deals.board.pathKey() }),
    }),
  );

  const pipeline = pipelines.find((p) => p.id === filters.pipelineId);
  const stageById = new Map<number, StageRef & { name: string }>((pipeline?.stages ?? []).map((s) => [s.id, s]));

  function forwardStagesOf(card: Card) {
    if (!canMove) return [];
    const from = stageById.get(card.stageId);
    if (!from) return [];
    return (pipeline?.stages ?? []).filter((stage) => judgeStageMove(from, stage) === 'ok');
  }

  function requestMove(card: Card, stageId: number) {
    const from = stageById.get(card.stageId);
    const to = stageById.get(stageId);
    if (!from || !to) return;
    const verdict = judgeStageMove(from, to);
    if (verdict === 'same') return;
    if (verdict !== 'ok') {
      setNotice({ tone: 'error', text: t('onlyForward') });
      return;
    }
    if (to.kind === 'open') move.mutate({ id: card.id, version: card.version, stageId });
    else setClosing({ card, kind: to.kind, stageId });
  }

  function confirmClose(values: CloseDealValues) {
    if (!closing) return;
    move.mutate({ id: closing.card.id, version: closing.card.version, stageId: closing.stageId, ...values });
    setClosing(null);
  }

  function onDragStart(event: DragStartEvent) {
    setDragging((event.active.data.current as { card: Card } | undefined)?.card ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragging(null);
    const card = (event.active.data.current as { card: Card } | undefined)?.card;
    const stage = (event.over?.data.current as { stage?: { id: number } } | undefined)?.stage;
    if (card && stage) requestMove(card, stage.id);
  }

  return (
    <div className="space-y-3">
      <BoardFilters
        pipelines={pipelines}
        owners={owners}
        sources={sources}
        value={filters}
        onChange={(next) => setFilters(next)}
      />
      <p role="status" aria-live="polite" data-testid="board-notice" className="min-h-5 text-sm">
        {notice && <span className={notice.tone === 'error' ? 'text-rose-700' : 'text-emerald-700'}>{notice.text}</span>}
      </p>
      <DndContext
        sensors={sensors}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={dragAnnouncements(t, board)}
      >
        <div
          aria-busy={isFetching}
          className="relative -mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-4 lg:mx-0 lg:px-0"
          data-testid="board"
        >
          {board?.columns.map((column) => (
            <BoardColumn
              key={column.stage.id}
              column={column}
              filters={{ ...filters, search: search || undefined }}
              now={now}
              forwardStagesOf={forwardStagesOf}
              onChooseStage={requestMove}
            />
          ))}
        </div>
        {board && canMove && <CloseDropZones won={board.wonStage} lost={board.lostStage} visible={dragging !== null} />}
        {/* No fly-back animation: the card is already where the optimistic update put it. */}
        <DragOverlay dropAnimation={null}>
          {dragging && <DealCard card={dragging} now={now} forwardStages={[]} onChooseStage={() => {}} overlay />}
        </DragOverlay>
      </DndContext>
      {closing && (
        <CloseDealDialog card={closing.card} kind={closing.kind} reasons={reasons} onConfirm={confirmClose} onCancel={() => setClosing(null)} />
      )}
    </div>
  );
}

/** What screen readers hear while a card is dragged, in the interface language. */
function dragAnnouncements(t: ReturnType<typeof useTranslations<'pipeline'>>, board: Board | undefined) {
  const titleOf = (id: string | number) => {
    const dealId = Number(String(id).replace('deal-', ''));
    return board?.columns.flatMap((c) => c.cards).find((card) => card.id === dealId)?.title ?? '';
  };
  const stageOf = (id: string | number | undefined) => {
    const stageId = Number(String(id ?? '').replace('stage-', ''));
    const stages = [...(board?.columns.map((c) => c.stage) ?? []), board?.wonStage, board?.lostStage];
    return stages.find((stage) => stage?.id === stageId)?.name ?? '';
  };
  return {
    screenReaderInstructions: { draggable: t('a11y.instructions') },
    announcements: {
      onDragStart: ({ active }: { active: { id: string | number } }) => t('a11y.picked', { title: titleOf(active.id) }),
      onDragOver: ({ active, over }: { active: { id: string | number }; over: { id: string | number } | null }) =>
        over ? t('a11y.over', { title: titleOf(active.id), stage: stageOf(over.id) }) : t('a11y.outside', { title: titleOf(active.id) }),
      onDragEnd: ({ active, over }: { active: { id: string | number }; over: { id: string | number } | null }) =>
        over ? t('a11y.dropped', { title: titleOf(active.id), stage: stageOf(over.id) }) : t('a11y.cancelled', { title: titleOf(active.id) }),
      onDragCancel: ({ active }: { active: { id: string | number } }) => t('a11y.cancelled', { title: titleOf(active.id) }),
    },
  };
}

/** "1 234,50" → "1234.50": what the server stores, for the optimistic column totals. */
function normaliseAmount(amount: string): string {
  const [whole = '0', fraction = ''] = amount.replace(/[\s\u00a0]/g, '').replace(',', '.').split('.');
  return `${whole}.${(fraction + '00').slice(0, 2)}`;
}

function messageForMoveError(error: unknown, t: ReturnType<typeof useTranslations<'pipeline'>>): string {
  const code = errorCodeOf(error);
  if (code === 'CONFLICT') return t('conflict');
  if (code === 'NOT_FOUND') return t('notFound');
  if (code === 'BAD_REQUEST' && /forward/.test((error as Error).message)) return t('onlyForward');
  return t('moveFailed');
}
