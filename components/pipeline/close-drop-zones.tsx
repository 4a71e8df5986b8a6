'use client';

import { useDroppable } from '@dnd-kit/core';
import { useTranslations } from 'next-intl';

interface ClosingStage {
  id: number;
  name: string;
}

function Zone({ stage, tone }: { stage: ClosingStage; tone: 'won' | 'lost' }) {
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${stage.id}`, data: { stage } });
  const colours =
    tone === 'won'
      ? isOver ? 'bg-emerald-600 text-white' : 'bg-emerald-50 text-emerald-800 border-emerald-300'
      : isOver ? 'bg-rose-600 text-white' : 'bg-rose-50 text-rose-800 border-rose-300';
  return (
    <div ref={setNodeRef} data-testid={`drop-${tone}`} className={`flex-1 rounded-xl border-2 border-dashed px-4 py-5 text-center font-semibold ${colours}`}>
      {stage.name}
    </div>
  );
}

/** «Won» and «Lost» targets, shown at the bottom of the screen while a card is dragged. */
export function CloseDropZones({ won, lost, visible }: { won: ClosingStage | null; lost: ClosingStage | null; visible: boolean }) {
  const t = useTranslations('pipeline');
  if (!visible || !won || !lost) return null;
  return (
    <div aria-label={t('closeZones')} className="fixed inset-x-0 bottom-0 z-30 flex gap-3 border-t border-slate-200 bg-white/95 p-3 shadow-lg lg:left-60">
      <Zone stage={won} tone="won" />
      <Zone stage={lost} tone="lost" />
    </div>
  );
}
