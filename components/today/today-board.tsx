'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { formatDateTime, formatMoney } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import type { RouterOutputs } from '@/lib/trpc/types';
import { QuickTaskForm } from './quick-task-form';

type Today = RouterOutputs['today']['get'];
type DealItem = Today['unprocessed'][number];
type TaskItem = Today['dueToday'][number];

const button = 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-50';

/** The manager's day: three end-of-day groups that should reach zero, tasks, leads, birthdays. */
export function TodayBoard() {
  const t = useTranslations('today');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.today.get.queryOptions());
  const [nextStepFor, setNextStepFor] = useState<number | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.today.get.queryKey() });
  if (!data) return null;
  const clean = data.counts.unprocessed + data.counts.withoutTask + data.counts.overdueTask === 0;

  return (
    <div className="space-y-5">
      <section aria-label={t('countsLabel')} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Count testId="count-unprocessed" label={t('groups.unprocessed')} value={data.counts.unprocessed} alarm />
        <Count testId="count-withoutTask" label={t('groups.withoutTask')} value={data.counts.withoutTask} alarm />
        <Count testId="count-overdueTask" label={t('groups.overdueTask')} value={data.counts.overdueTask} alarm />
        <Count testId="count-dueToday" label={t('dueToday')} value={data.counts.dueToday} />
        <Count testId="count-overdue" label={t('overdueTasks')} value={data.counts.overdue} />
        <Count testId="count-newLeads" label={t('newLeads')} value={data.counts.newLeads} />
      </section>
      {clean && <p className="rounded-xl bg-emerald-50 p-3 text-sm font-medium text-emerald-800" data-testid="clean-day">{t('cleanDay')}</p>}
      {nextStepFor !== null && (
        <section className="rounded-xl border border-amber-300 bg-amber-50 p-3" data-testid="next-step">
          <p className="text-sm font-medium text-amber-900">{t('nextStepPrompt')}</p>
          <QuickTaskForm dealId={nextStepFor} onDone={() => { setNextStepFor(null); void refresh(); }} />
        </section>
      )}
      <div className="grid gap-5 lg:grid-cols-2">
        <DealGroup title={t('groups.unprocessed')} hint={t('hints.unprocessed')} deals={data.unprocessed} total={data.counts.unprocessed} testId="group-unprocessed" onChanged={refresh} withCall />
        <DealGroup title={t('groups.withoutTask')} hint={t('hints.withoutTask')} deals={data.withoutTask} total={data.counts.withoutTask} testId="group-withoutTask" onChanged={refresh} />
        <TaskList title={t('overdueTasks')} tasks={data.overdue} testId="tasks-overdue" onChanged={refresh} onNeedsNextStep={setNextStepFor} overdue />
        <TaskList title={t('dueToday')} tasks={data.dueToday} testId="tasks-today" onChanged={refresh} onNeedsNextStep={setNextStepFor} />
        <LeadsAndBirthdays today={data} />
      </div>
    </div>
  );
}

function Count({ label, value, alarm = false, testId }: { label: string; value: number; alarm?: boolean; testId: string }) {
  const tone = alarm && value > 0 ? 'border-rose-200 bg-rose-50 text-rose-800' : 'border-slate-200 bg-white text-slate-900';
  return (
    <div className={`rounded-xl border p-3 ${tone}`}>
      <div className="text-2xl font-semibold tabular-nums" data-testid={testId}>{value}</div>
      <div className="text-xs">{label}</div>
    </div>
  );
}

function DealGroup({ title, hint, deals, total, testId, onChanged, withCall = false }: { title: string; hint: string; deals: DealItem[]; total: number; testId: string; onChanged: () => void; withCall?: boolean }) {
  const t = useTranslations('today');
  const locale = useLocale();
  const trpc = useTRPC();
  const [planning, setPlanning] = useState<number | null>(null);
  const logCall = useMutation(trpc.activities.log.mutationOptions({ onSuccess: onChanged }));
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="font-semibold">{title} <span className="text-slate-500">· {total}</span></h2>
      <p className="mb-2 text-xs text-slate-500">{hint}</p>
      {deals.length === 0 && <p className="text-sm text-emerald-700">{t('nothingHere')}</p>}
      <ul className="divide-y divide-slate-100">
        {deals.map((deal) => (
          <li key={deal.id} className="py-2" data-testid="today-deal">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/deals/${deal.id}`} className="font-medium hover:underline">{deal.title}</Link>
              <span className="text-sm tabular-nums">{formatMoney(deal.amount, deal.currency, locale)}</span>
            </div>
            <div className="text-xs text-slate-500">{deal.clientName ?? '—'} · {deal.stageName}</div>
            <div className="mt-1 flex flex-wrap gap-2">
              {withCall && (
                <button type="button" className={button} disabled={logCall.isPending} onClick={() => logCall.mutate({ kind: 'call', direction: 'out', subject: t('calledSubject'), link: { dealId: deal.id } })}>
                  {t('called')}
                </button>
              )}
              <button type="button" className={button} onClick={() => setPlanning(planning === deal.id ? null : deal.id)}>{t('newTask')}</button>
            </div>
            {planning === deal.id && <QuickTaskForm dealId={deal.id} onDone={() => { setPlanning(null); onChanged(); }} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TaskList({ title, tasks, testId, onChanged, onNeedsNextStep, overdue = false }: { title: string; tasks: TaskItem[]; testId: string; onChanged: () => void; onNeedsNextStep: (dealId: number) => void; overdue?: boolean }) {
  const t = useTranslations('today');
  const locale = useLocale();
  const trpc = useTRPC();
  const complete = useMutation(
    trpc.activities.completeTask.mutationOptions({
      onSuccess: (result) => {
        if (result.needsNextTask && result.dealId) onNeedsNextStep(result.dealId);
        onChanged();
      },
    }),
  );
  const reschedule = useMutation(trpc.activities.rescheduleTask.mutationOptions({ onSuccess: onChanged }));
  /** Tomorrow (on this device's calendar) at the task's own time of day. */
  const tomorrow = (due: Date | string | null) => {
    const next = new Date(due ?? Date.now());
    const now = new Date();
    next.setFullYear(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    return next;
  };
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="mb-2 font-semibold">{title} <span className="text-slate-500">· {tasks[0]?.total ?? 0}</span></h2>
      {tasks.length === 0 && <p className="text-sm text-emerald-700">{t('nothingHere')}</p>}
      <ul className="divide-y divide-slate-100">
        {tasks.map((task) => (
          <li key={task.id} className="py-2" data-testid="today-task">
            <div className="text-sm font-medium">{t(`kinds.${task.kind}`)}: {task.subject}</div>
            <div className={`text-xs ${overdue ? 'text-rose-700' : 'text-slate-500'}`}>
              {task.dueAt ? formatDateTime(task.dueAt, locale) : ''}
              {task.dealId && <> · <Link href={`/deals/${task.dealId}`} className="hover:underline">{task.dealTitle}</Link></>}
            </div>
            <div className="mt-1 flex flex-wrap gap-2">
              <button type="button" className={button} disabled={complete.isPending} onClick={() => complete.mutate({ id: task.id, version: task.version })}>{t('done')}</button>
              <button type="button" className={button} disabled={reschedule.isPending} onClick={() => reschedule.mutate({ id: task.id, version: task.version, dueAt: tomorrow(task.dueAt) })}>{t('tomorrow')}</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LeadsAndBirthdays({ today }: { today: Today }) {
  const t = useTranslations('today');
  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
      <div>
        <h2 className="mb-2 font-semibold">{t('newLeads')} <span className="text-slate-500">· {today.counts.newLeads}</span></h2>
        {today.newLeads.length === 0 ? <p className="text-sm text-slate-500">{t('noLeads')}</p> : (
          <ul className="space-y-1 text-sm">
            {today.newLeads.slice(0, 10).map((lead) => <li key={lead.id}>{lead.title}{lead.personName ? ` · ${lead.personName}` : ''}</li>)}
          </ul>
        )}
      </div>
      <div>
        <h2 className="mb-2 font-semibold">{t('birthdays')}</h2>
        {today.birthdays.length === 0 ? <p className="text-sm text-slate-500">{t('noBirthdays')}</p> : (
          <ul className="space-y-1 text-sm">
            {today.birthdays.map((contact) => (
              <li key={contact.id}>
                <Link href={`/contacts/${contact.id}`} className="hover:underline">{[contact.lastName, contact.firstName].filter(Boolean).join(' ')}</Link>
                {contact.companyName && <span className="text-slate-500"> · {contact.companyName}</span>}
                {contact.isToday && <span className="ml-1 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t('birthdayToday')}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
