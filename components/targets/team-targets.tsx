'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import type { RouterOutputs } from '@/lib/trpc/types';
import { PlanFactCard, WorkingDaysNote } from './plan-fact-card';
import { TargetGridEditor } from './target-grid-editor';
import { TargetPlanner } from './target-planner';

/**
 * The team screen's targets part (issue 8): a month and (for an executive or admin) a team, then
 * plan vs fact per manager, the month's targets grid, and the target planner.
 */
export function TeamTargets({ teams, initialTeamId, initialMonth, currency }: { teams: RouterOutputs['reference']['teams']; initialTeamId?: number; initialMonth: string; currency: string }) {
  const t = useTranslations('targets');
  const trpc = useTRPC();
  const [month, setMonth] = useState(initialMonth);
  const [teamId, setTeamId] = useState<number | undefined>(initialTeamId);
  const { data } = useQuery({ ...trpc.targets.planFact.queryOptions({ month, teamId }), placeholderData: keepPreviousData });
  return (
    <section className="space-y-4" aria-label={t('title')}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="grid gap-1 text-sm font-medium text-slate-700">
          {t('month')}
          <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm" data-testid="targets-month" />
        </label>
        {teams.length > 1 && (
          <label className="grid gap-1 text-sm font-medium text-slate-700">
            {t('team')}
            <select value={teamId ?? ''} onChange={(e) => setTeamId(Number(e.target.value))} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
              {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
            </select>
          </label>
        )}
      </div>
      <h2 className="text-lg font-semibold">{t('planFactTitle')}</h2>
      {data && (
        <>
          <WorkingDaysNote clock={data.clock} />
          {data.team && <PlanFactCard title={t('teamRow', { team: data.teamName })} metrics={data.team.metrics} currency={currency} testId="plan-fact-team" />}
          <div className="grid gap-3 md:grid-cols-2" data-testid="plan-fact-managers">
            {data.managers.map((m) => <PlanFactCard key={m.userId} title={m.name} metrics={m.metrics} currency={currency} testId={`plan-fact-${m.userId}`} />)}
          </div>
        </>
      )}
      <h2 className="pt-4 text-lg font-semibold">{t('gridTitle')}</h2>
      <TargetGridEditor month={month} teamId={teamId} currency={currency} />
      <h2 className="pt-4 text-lg font-semibold">{t('plannerTitle')}</h2>
      <TargetPlanner month={month} teamId={teamId} currency={currency} />
    </section>
  );
}
