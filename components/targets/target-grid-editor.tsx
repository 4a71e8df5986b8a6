'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import type { RouterOutputs, RouterInputs } from '@/lib/trpc/types';
import { METRICS, useTargetFormats, type Metric } from './target-formats';

type Cells = RouterOutputs['targets']['grid']['rows'][number]['cells'];
type Change = RouterInputs['targets']['set']['changes'][number];
type SubjectKey = `user:${number}` | `team:${number}`;

const inputClass = 'w-full rounded-md border border-slate-300 px-2 py-1.5 text-right text-sm tabular-nums';

/**
 * The month's targets of every manager (and the team) as one form: edit any cells, save them all
 * at once. Each cell goes back with the version it was read at, so a cell someone else changed
 * meanwhile is refused, not overwritten; the grid then reloads and says so.
 */
export function TargetGridEditor({ month, teamId, currency }: { month: string; teamId?: number; currency: string }) {
  const t = useTranslations('targets');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { data } = useQuery(trpc.targets.grid.queryOptions({ month, teamId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.targets.pathKey() });
  const onError = (error: unknown) => {
    setMessage({ ok: false, text: errorCodeOf(error) === 'CONFLICT' ? t('conflict') : t('failed') });
    setEdits({});
    void refresh();
  };
  const save = useMutation(trpc.targets.set.mutationOptions({ onSuccess: async () => { setEdits({}); setMessage({ ok: true, text: t('saved') }); await refresh(); }, onError }));
  const copy = useMutation(trpc.targets.copyPreviousMonth.mutationOptions({ onSuccess: async (r) => { setMessage({ ok: true, text: t('copied', { count: r.copied }) }); await refresh(); }, onError }));
  if (!data) return null;
  const subjects: { key: SubjectKey; name: string; cells: Cells; editable: boolean }[] = [
    ...(data.team ? [{ key: `team:${data.teamId}` as SubjectKey, name: t('teamRow', { team: data.teamName }), cells: data.team, editable: data.canEditTeam }] : []),
    ...data.rows.map((r) => ({ key: `user:${r.userId}` as SubjectKey, name: r.name, cells: r.cells, editable: data.canEditMembers })),
  ];
  const changes: Change[] = [];
  let invalid = false;
  for (const s of subjects) {
    for (const metric of METRICS) {
      const edited = edits[`${s.key}:${metric}`];
      if (edited === undefined) continue;
      const cell = s.cells[metric];
      const value = edited.trim() === '' ? null : Number(edited.replace(',', '.').replace(/\s/g, ''));
      if (value !== null && (!Number.isFinite(value) || value < 0 || (metric !== 'revenue' && !Number.isInteger(value)))) invalid = true;
      if ((value ?? null) === (cell ? Number(cell.value) : null)) continue;
      const [kind, id] = s.key.split(':') as ['user' | 'team', string];
      changes.push({ subject: kind === 'user' ? { userId: Number(id) } : { teamId: Number(id) }, metric, value, version: cell?.version ?? null });
    }
  }
  const anyEditable = subjects.some((s) => s.editable);
  return (
    <form
      className="space-y-3"
      data-testid="targets-grid"
      onSubmit={(e) => {
        e.preventDefault();
        if (changes.length && !invalid) save.mutate({ month, changes });
      }}
    >
      {subjects.length === 0 && <p className="text-sm text-slate-500">{t('noManagers')}</p>}
      {subjects.map((s) => (
        <fieldset key={s.key} className="rounded-xl border border-slate-200 bg-white p-3" data-testid="targets-row" data-subject={s.key}>
          <legend className="px-1 text-sm font-semibold">{s.name}</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
            {METRICS.map((metric) => (
              <TargetInput key={metric} metric={metric} cell={s.cells[metric]} editable={s.editable} currency={currency} value={edits[`${s.key}:${metric}`]} onChange={(v) => { setEdits((prev) => ({ ...prev, [`${s.key}:${metric}`]: v })); setMessage(null); }} />
            ))}
          </div>
        </fieldset>
      ))}
      {anyEditable && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={changes.length === 0 || invalid || save.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50">
            {t('save', { count: changes.length })}
          </button>
          {data.canEditMembers && (
            <button type="button" onClick={() => copy.mutate({ month, teamId })} disabled={copy.isPending} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50">
              {t('copyPrevious')}
            </button>
          )}
          {invalid && <p className="text-sm text-rose-700">{t('invalid')}</p>}
        </div>
      )}
      {message && <p role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-emerald-700' : 'text-rose-700'}`}>{message.text}</p>}
    </form>
  );
}

function TargetInput({ metric, cell, editable, currency, value, onChange }: { metric: Metric; cell: Cells[Metric]; editable: boolean; currency: string; value: string | undefined; onChange: (value: string) => void }) {
  const t = useTranslations('targets');
  const f = useTargetFormats(currency);
  const stored = cell ? String(Number(cell.value)) : '';
  return (
    <label className="grid gap-0.5 text-xs text-slate-500">
      {t(`metric.${metric}`)}
      {editable ? (
        <input value={value ?? stored} onChange={(e) => onChange(e.target.value)} inputMode={metric === 'revenue' ? 'decimal' : 'numeric'} className={inputClass} data-metric={metric} />
      ) : (
        <span className="py-1.5 text-right text-sm tabular-nums text-slate-900" data-metric={metric}>{cell ? (metric === 'revenue' ? f.money(Number(cell.value)) : f.count(Number(cell.value))) : '—'}</span>
      )}
    </label>
  );
}
