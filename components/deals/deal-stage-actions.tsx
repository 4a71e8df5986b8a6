'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { judgeStageMove } from '@/lib/deal-stage-rules';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import { CloseDealDialog, type CloseDealValues } from './close-deal-dialog';

interface Stage {
  id: number;
  name: string;
  kind: 'open' | 'won' | 'lost';
  sortOrder: number;
}

/** Moves the deal forward (or closes it) from its card; a head or admin may reopen a closed one. */
export function DealStageActions({
  deal,
  stages,
  reasons,
  canMove,
  canReopen,
}: {
  deal: { id: number; version: number; title: string; amount: string; stageId: number; status: 'open' | 'won' | 'lost' };
  stages: Stage[];
  reasons: { id: number; nameRu: string; nameEn: string }[];
  canMove: boolean;
  canReopen: boolean;
}) {
  const t = useTranslations('deals.card');
  const trpc = useTRPC();
  const router = useRouter();
  const [closing, setClosing] = useState<{ stageId: number; kind: 'won' | 'lost' } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onDone = {
    onSuccess: () => router.refresh(),
    onError: (e: unknown) => setError(errorCodeOf(e) === 'CONFLICT' ? t('conflict', { who: '' }) : t('saveFailed')),
  };
  const move = useMutation(trpc.deals.move.mutationOptions(onDone));
  const reopen = useMutation(trpc.deals.reopen.mutationOptions(onDone));
  const current = stages.find((stage) => stage.id === deal.stageId);
  if (!current) return null;
  const forward = stages.filter((stage) => judgeStageMove(current, stage) === 'ok');
  const openStages = stages.filter((stage) => stage.kind === 'open');

  function choose(stageId: number) {
    setError(null);
    const stage = stages.find((s) => s.id === stageId);
    if (!stage) return;
    if (stage.kind === 'open') move.mutate({ id: deal.id, version: deal.version, stageId });
    else setClosing({ stageId, kind: stage.kind });
  }

  function confirm(values: CloseDealValues) {
    if (!closing) return;
    move.mutate({ id: deal.id, version: deal.version, stageId: closing.stageId, ...values });
    setClosing(null);
  }

  return (
    <div className="space-y-2">
      {deal.status === 'open' && canMove && forward.length > 0 && (
        <label className="block">
          <span className="text-sm font-medium">{t('moveTo')}</span>
          <select value="" onChange={(e) => e.target.value && choose(Number(e.target.value))} disabled={move.isPending} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">{t('chooseStage')}</option>
            {forward.map((stage) => (
              <option key={stage.id} value={stage.id}>{stage.name}</option>
            ))}
          </select>
        </label>
      )}
      {deal.status !== 'open' && canReopen && (
        <label className="block">
          <span className="text-sm font-medium">{t('reopen')}</span>
          <select
            value=""
            onChange={(e) => e.target.value && reopen.mutate({ id: deal.id, version: deal.version, stageId: Number(e.target.value) })}
            disabled={reopen.isPending}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">{t('chooseStage')}</option>
            {openStages.map((stage) => (
              <option key={stage.id} value={stage.id}>{stage.name}</option>
            ))}
          </select>
        </label>
      )}
      {error && <p role="alert" className="text-sm text-rose-700">{error}</p>}
      {closing && <CloseDealDialog card={deal} kind={closing.kind} reasons={reasons} onConfirm={confirm} onCancel={() => setClosing(null)} />}
    </div>
  );
}
