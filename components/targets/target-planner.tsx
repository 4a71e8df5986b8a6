'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import { PlannerResult } from './planner-result';

/**
 * The target planner (DESIGN.md §6): pick a manager and a revenue target (default: the month's
 * revenue target), see what it takes from their own history, apply it as their targets.
 */
export function TargetPlanner({ month, teamId, currency }: { month: string; teamId?: number; currency: string }) {
  const t = useTranslations('planner');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: grid } = useQuery(trpc.targets.grid.queryOptions({ month, teamId }));
  const [userId, setUserId] = useState<number | null>(null);
  const [revenue, setRevenue] = useState('');
  const [asked, setAsked] = useState<{ userId: number; revenue?: number } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const chosen = userId ?? grid?.rows[0]?.userId ?? null;
  const plan = useQuery({ ...trpc.targets.plan.queryOptions({ userId: asked?.userId ?? 0, month, revenue: asked?.revenue }), enabled: asked !== null });
  const apply = useMutation(
    trpc.targets.applyPlan.mutationOptions({
      onSuccess: async () => {
        setMessage({ ok: true, text: t('applied') });
        await queryClient.invalidateQueries({ queryKey: trpc.targets.pathKey() });
      },
      onError: (error) => {
        setMessage({ ok: false, text: errorCodeOf(error) === 'CONFLICT' ? t('conflict') : t('failed') });
        void queryClient.invalidateQueries({ queryKey: trpc.targets.pathKey() });
      },
    }),
  );
  if (!grid) return null;
  if (grid.rows.length === 0) return <p className="text-sm text-slate-500">{t('noManagers')}</p>;
  const parsed = revenue.trim() === '' ? undefined : Number(revenue.replace(',', '.').replace(/\s/g, ''));
  const valid = parsed === undefined || (Number.isFinite(parsed) && parsed > 0);
  const result = plan.data;
  return (
    <div className="space-y-3" data-testid="target-planner">
      <form
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen !== null && valid) {
            setMessage(null);
            setAsked({ userId: chosen, revenue: parsed });
          }
        }}
      >
        <label className="grid min-w-0 gap-1 text-sm font-medium text-slate-700">
          {t('manager')}
          <select value={chosen ?? ''} onChange={(e) => setUserId(Number(e.target.value))} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" data-testid="planner-manager">
            {grid.rows.map((r) => <option key={r.userId} value={r.userId}>{r.name}</option>)}
          </select>
        </label>
        <label className="grid min-w-0 gap-1 text-sm font-medium text-slate-700">
          {t('revenue')}
          <input value={revenue} onChange={(e) => setRevenue(e.target.value)} inputMode="decimal" placeholder={t('revenuePlaceholder')} aria-invalid={!valid} className="rounded-md border border-slate-300 px-3 py-1.5 text-right text-sm tabular-nums" data-testid="planner-revenue" />
        </label>
        <button type="submit" disabled={!valid} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50" data-testid="planner-run">
          {t('run')}
        </button>
      </form>
      {plan.isError && <p role="alert" className="text-sm text-rose-700">{t('failed')}</p>}
      {result && asked && (
        <PlannerResult
          result={result}
          currency={currency}
          canApply={grid.canEditMembers}
          applying={apply.isPending}
          onApply={() =>
            result.revenue !== null &&
            apply.mutate({
              userId: result.userId,
              month: result.month,
              revenue: result.revenue,
              versions: {
                revenue: result.targets.revenue?.version ?? null,
                won_deals: result.targets.won_deals?.version ?? null,
                new_deals: result.targets.new_deals?.version ?? null,
                calls: result.targets.calls?.version ?? null,
                meetings: result.targets.meetings?.version ?? null,
              },
            })
          }
        />
      )}
      {message && <p role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-emerald-700' : 'text-rose-700'}`}>{message.text}</p>}
    </div>
  );
}
