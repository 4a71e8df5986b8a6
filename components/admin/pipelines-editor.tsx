'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';

type Pipeline = RouterOutputs['pipelines']['list'][number];
type Stage = Pipeline['stages'][number];

const input = 'rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const button = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-40';

/** Admin: pipelines and their stages — create, rename, add, reorder, set probability, remove. */
export function PipelinesEditor() {
  const t = useTranslations('admin.pipelines');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: pipelines = [] } = useQuery(trpc.pipelines.list.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const refresh = {
    onSuccess: () => {
      setError(null);
      return queryClient.invalidateQueries({ queryKey: trpc.pipelines.list.queryKey() });
    },
    onError: (e: unknown) => setError(errorCodeOf(e) === 'CONFLICT' ? t('conflict') : t('failed')),
  };
  const create = useMutation(trpc.pipelines.create.mutationOptions(refresh));
  const [newName, setNewName] = useState('');

  return (
    <div className="space-y-5">
      {error && <p role="alert" className="text-sm text-rose-700">{error}</p>}
      {pipelines.map((pipeline) => (
        <PipelineCard key={pipeline.id} pipeline={pipeline} refresh={refresh} />
      ))}
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (newName.trim()) create.mutate({ name: newName.trim() }, { onSuccess: () => setNewName('') });
        }}
      >
        <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder={t('newPipeline')} aria-label={t('newPipeline')} className={`${input} min-w-0 flex-1 sm:max-w-xs`} />
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white">{t('create')}</button>
      </form>
    </div>
  );
}

type Refresh = { onSuccess: () => Promise<void>; onError: (e: unknown) => void };

function PipelineCard({ pipeline, refresh }: { pipeline: Pipeline; refresh: Refresh }) {
  const t = useTranslations('admin.pipelines');
  const trpc = useTRPC();
  const rename = useMutation(trpc.pipelines.rename.mutationOptions(refresh));
  const reorder = useMutation(trpc.pipelines.reorderStages.mutationOptions(refresh));
  const add = useMutation(trpc.pipelines.addStage.mutationOptions(refresh));
  const [name, setName] = useState(pipeline.name);
  const [stageName, setStageName] = useState('');
  const open = pipeline.stages.filter((s) => s.kind === 'open');

  function move(stage: Stage, by: -1 | 1) {
    const ids = open.map((s) => s.id);
    const from = ids.indexOf(stage.id);
    const to = from + by;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    reorder.mutate({ pipelineId: pipeline.id, stageIds: ids });
  }

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="pipeline-card">
      <form
        className="mb-3 flex flex-wrap gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate({ id: pipeline.id, version: pipeline.version, name });
        }}
      >
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('pipelineName')} className={`${input} min-w-0 flex-1 font-semibold`} />
        <button type="submit" disabled={name === pipeline.name} className={button}>{t('rename')}</button>
      </form>
      <ol className="space-y-2">
        {pipeline.stages.map((stage) => (
          <StageRow key={`${stage.id}-${stage.version}`} stage={stage} openStages={open} refresh={refresh} onMove={(by) => move(stage, by)} />
        ))}
      </ol>
      <form
        className="mt-3 flex flex-wrap gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (stageName.trim()) add.mutate({ pipelineId: pipeline.id, name: stageName.trim() }, { onSuccess: () => setStageName('') });
        }}
      >
        <input value={stageName} onChange={(e) => setStageName(e.target.value)} placeholder={t('newStage')} aria-label={t('newStage')} className={`${input} min-w-0 flex-1 sm:max-w-xs`} />
        <button type="submit" className={button}>{t('addStage')}</button>
      </form>
    </section>
  );
}

function StageRow({ stage, openStages, refresh, onMove }: { stage: Stage; openStages: Stage[]; refresh: Refresh; onMove: (by: -1 | 1) => void }) {
  const t = useTranslations('admin.pipelines');
  const trpc = useTRPC();
  const update = useMutation(trpc.pipelines.updateStage.mutationOptions(refresh));
  const remove = useMutation(trpc.pipelines.removeStage.mutationOptions(refresh));
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState(stage.probability);
  const [taskSubject, setTaskSubject] = useState(stage.defaultTaskSubject ?? '');
  const [taskHours, setTaskHours] = useState(stage.defaultTaskDueHours);
  const [target, setTarget] = useState<number | ''>('');
  const index = openStages.findIndex((s) => s.id === stage.id);
  const isOpen = stage.kind === 'open';
  const changed =
    name !== stage.name || probability !== stage.probability || taskSubject !== (stage.defaultTaskSubject ?? '') || taskHours !== stage.defaultTaskDueHours;
  return (
    <li className="flex flex-wrap items-center gap-2 rounded-lg bg-slate-50 p-2" data-testid="stage-row">
      <span className={`w-20 text-xs font-medium ${stage.kind === 'won' ? 'text-emerald-700' : stage.kind === 'lost' ? 'text-rose-700' : 'text-slate-500'}`}>{t(`kinds.${stage.kind}`)}</span>
      <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('stageName')} className={`${input} min-w-0 flex-1`} />
      <label className="flex items-center gap-1 text-xs text-slate-600">
        <input type="number" min={0} max={100} value={probability} onChange={(e) => setProbability(Number(e.target.value))} aria-label={t('probability')} className={`${input} w-16`} />%
      </label>
      {isOpen && (
        <label className="flex min-w-0 flex-[2] items-center gap-1 text-xs text-slate-600">
          <input value={taskSubject} onChange={(e) => setTaskSubject(e.target.value)} placeholder={t('defaultTask')} aria-label={t('defaultTask')} className={`${input} min-w-0 flex-1`} />
          <input type="number" min={0} max={720} value={taskHours} onChange={(e) => setTaskHours(Number(e.target.value))} aria-label={t('defaultTaskHours')} className={`${input} w-16`} />
          {t('hours')}
        </label>
      )}
      <button
        type="button"
        disabled={!changed}
        onClick={() => update.mutate({ id: stage.id, version: stage.version, name, probability, ...(isOpen ? { defaultTaskSubject: taskSubject, defaultTaskDueHours: taskHours } : {}) })}
        className={button}
      >
        {t('save')}
      </button>
      {isOpen && (
        <>
          <button type="button" disabled={index <= 0} onClick={() => onMove(-1)} aria-label={t('moveUp')} className={button}>↑</button>
          <button type="button" disabled={index === openStages.length - 1} onClick={() => onMove(1)} aria-label={t('moveDown')} className={button}>↓</button>
          {stage.dealCount > 0 && (
            <select value={target} onChange={(e) => setTarget(e.target.value ? Number(e.target.value) : '')} aria-label={t('moveDealsTo')} className={input}>
              <option value="">{t('moveDealsTo')} ({stage.dealCount})</option>
              {openStages.filter((s) => s.id !== stage.id).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          )}
          <button
            type="button"
            disabled={openStages.length === 1 || (stage.dealCount > 0 && target === '')}
            onClick={() => remove.mutate({ id: stage.id, ...(target === '' ? {} : { moveDealsToStageId: target }) })}
            className={`${button} text-rose-700`}
          >
            {t('remove')}
          </button>
        </>
      )}
    </li>
  );
}
