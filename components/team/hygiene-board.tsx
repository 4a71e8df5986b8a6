'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { formatDateTime, formatMoney } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import type { RouterOutputs } from '@/lib/trpc/types';
import { QuickTaskForm } from '@/components/today/quick-task-form';
import { DealReassign } from '@/components/deals/deal-reassign';

type Group = 'unprocessed' | 'withoutTask' | 'overdueTask';
const GROUPS: Group[] = ['unprocessed', 'withoutTask', 'overdueTask'];

/** Pipeline hygiene per manager: the three end-of-day counts, a drill-down, control tasks, reassignment. */
export function HygieneBoard({ teams, initialTeamId, canSetTasks, canReassign = false }: { teams: RouterOutputs['reference']['teams']; initialTeamId?: number; canSetTasks: boolean; canReassign?: boolean }) {
  const t = useTranslations('team.hygiene');
  const tToday = useTranslations('today.groups');
  const trpc = useTRPC();
  const [teamId, setTeamId] = useState<number | undefined>(teams.length === 1 ? teams[0]!.id : initialTeamId);
  const [selected, setSelected] = useState<{ ownerId: number; name: string; group: Group } | null>(null);
  const { data: board } = useQuery({ ...trpc.hygiene.board.queryOptions({ teamId }), placeholderData: keepPreviousData, refetchInterval: 60_000 });
  return (
    <section className="space-y-3" aria-label={t('title')}>
      {teams.length > 1 && (
        <select value={teamId ?? ''} onChange={(e) => setTeamId(e.target.value ? Number(e.target.value) : undefined)} aria-label={t('team')} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          <option value="">{t('allTeams')}</option>
          {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
      )}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full min-w-[520px] text-sm" data-testid="hygiene-board">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">{t('manager')}</th>
              {GROUPS.map((group) => <th key={group} scope="col" className="px-3 py-2 text-right">{tToday(group)}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {board?.rows.map((row) => (
              <tr key={row.id} data-testid="hygiene-row" data-user-id={row.id}>
                <td className="px-3 py-2">
                  <div className="font-medium">{row.name}</div>
                  {!teamId && <div className="text-xs text-slate-500">{row.teamName}</div>}
                </td>
                {GROUPS.map((group) => (
                  <td key={group} className="px-3 py-2 text-right">
                    <button
                      type="button"
                      data-testid={`hygiene-${group}`}
                      disabled={row[group] === 0}
                      onClick={() => setSelected({ ownerId: row.id, name: row.name, group })}
                      className={`min-w-10 rounded-md px-2 py-1 font-semibold tabular-nums ${row[group] > 0 ? 'bg-rose-50 text-rose-800 hover:bg-rose-100' : 'text-emerald-700'}`}
                    >
                      {row[group]}
                    </button>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {board && (
            <tfoot className="bg-slate-50 font-semibold">
              <tr>
                <td className="px-3 py-2">{t('total')}</td>
                {GROUPS.map((group) => <td key={group} className="px-3 py-2 text-right tabular-nums">{board.totals[group]}</td>)}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {selected && (
        <DrillDown
          selected={selected}
          canSetTasks={canSetTasks}
          // A deal goes to a colleague of the same team (the service checks it again).
          owners={canReassign ? (board?.rows ?? []).filter((r) => r.teamId === board?.rows.find((o) => o.id === selected.ownerId)?.teamId) : []}
          onClose={() => setSelected(null)}
        />
      )}
    </section>
  );
}

function DrillDown({ selected, canSetTasks, owners, onClose }: { selected: { ownerId: number; name: string; group: Group }; canSetTasks: boolean; owners: { id: number; name: string }[]; onClose: () => void }) {
  const t = useTranslations('team.hygiene');
  const tToday = useTranslations('today.groups');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [planning, setPlanning] = useState<number | null>(null);
  const { data: deals = [] } = useQuery(trpc.hygiene.deals.queryOptions({ ownerId: selected.ownerId, group: selected.group }));
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.hygiene.pathKey() }),
  ]);
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="hygiene-drilldown">
      <div className="mb-2 flex items-start justify-between gap-2">
        <h2 className="font-semibold">{selected.name}: {tToday(selected.group)}</h2>
        <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-2 py-1 text-xs">{t('close')}</button>
      </div>
      <ul className="divide-y divide-slate-100">
        {deals.map((deal) => (
          <li key={deal.id} className="py-2">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/deals/${deal.id}`} className="font-medium hover:underline">{deal.title}</Link>
              <span className="text-sm tabular-nums">{formatMoney(deal.amount, deal.currency, locale)}</span>
            </div>
            <div className="text-xs text-slate-500">
              {deal.nextTaskDueAt ? t('nextTask', { when: formatDateTime(deal.nextTaskDueAt, locale) }) : t('noTask')}
            </div>
            {canSetTasks && (
              <button type="button" onClick={() => setPlanning(planning === deal.id ? null : deal.id)} className="mt-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium">
                {t('controlTask')}
              </button>
            )}
            {owners.length > 1 && <DealReassign deal={deal} owners={owners} onDone={() => void Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: trpc.targets.pathKey() })])} />}
            {planning === deal.id && (
              <QuickTaskForm dealId={deal.id} ownerId={selected.ownerId} defaultSubject={t('controlTaskSubject')} onDone={() => { setPlanning(null); void refresh(); }} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
