'use client';

import { useDraggable } from '@dnd-kit/core';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime, formatMoney } from '@/lib/format';
import type { Card } from './board-state';

export interface StageOption {
  id: number;
  name: string;
}

/** One deal on the board: drag it, or pick a later stage from its menu (phones, keyboards). */
export function DealCard({
  card,
  now,
  forwardStages,
  onChooseStage,
  overlay = false,
}: {
  card: Card;
  now: number;
  forwardStages: StageOption[];
  onChooseStage: (card: Card, stageId: number) => void;
  overlay?: boolean;
}) {
  const t = useTranslations('pipeline');
  const locale = useLocale();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `deal-${card.id}`,
    data: { card },
    disabled: overlay,
  });
  const overdue = card.nextTaskDueAt !== null && new Date(card.nextTaskDueAt).getTime() < now;
  const noTask = card.openTaskCount === 0;

  return (
    <article
      ref={overlay ? undefined : setNodeRef}
      data-testid="board-card"
      data-deal-id={card.id}
      className={`relative rounded-lg border bg-white p-3 shadow-sm ${isDragging ? 'opacity-40' : ''} ${
        overlay ? 'rotate-1 shadow-lg ring-2 ring-brand-500' : 'border-slate-200'
      }`}
    >
      <div
        {...(overlay ? {} : listeners)}
        {...(overlay ? {} : attributes)}
        aria-label={t('dragHandle', { title: card.title })}
        className="cursor-grab touch-manipulation active:cursor-grabbing"
      >
        <div className="flex items-start justify-between gap-2">
          <Link href={`/deals/${card.id}`} draggable={false} className="min-w-0 font-medium leading-snug hover:underline">
            {card.title}
          </Link>
        </div>
        <div className="mt-0.5 truncate text-xs text-slate-500">{card.clientName ?? '—'}</div>
        <div className="mt-2 flex items-center justify-between gap-2 text-sm">
          <span className="font-semibold tabular-nums">{formatMoney(card.amount, card.currency, locale)}</span>
          <span className="truncate text-xs text-slate-500">{card.ownerName}</span>
        </div>
        <div className="mt-1 text-xs">
          {noTask ? (
            <span className="rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-800">{t('noTask')}</span>
          ) : (
            <span className={overdue ? 'rounded bg-rose-50 px-1.5 py-0.5 font-medium text-rose-700' : 'text-slate-600'}>
              {overdue ? t('overdue') : t('nextTask')}: {formatDateTime(card.nextTaskDueAt!, locale)}
            </span>
          )}
        </div>
      </div>
      {!overlay && forwardStages.length > 0 && (
        <label className="mt-2 block">
          <span className="sr-only">{t('moveTo', { title: card.title })}</span>
          <select
            value=""
            onChange={(event) => {
              if (event.target.value) onChooseStage(card, Number(event.target.value));
            }}
            className="w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1 text-xs"
            data-testid="stage-menu"
          >
            <option value="">{t('moveMenu')}</option>
            {forwardStages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </article>
  );
}
