'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { QuickTaskForm } from '@/components/today/quick-task-form';

/**
 * "Done" and "tomorrow" on an open task of a timeline. Completing a deal's last open task asks
 * for the next step at once (the sales standard: no open deal without a task).
 */
export function OpenTaskActions({
  task,
  owners = [],
}: {
  task: { id: number; version: number; dueAt: Date | string };
  /** When given (a head or an admin looking), the task can be handed to one of them. */
  owners?: { id: number; name: string }[];
}) {
  const t = useTranslations('activities');
  const trpc = useTRPC();
  const router = useRouter();
  const [nextStepFor, setNextStepFor] = useState<number | null>(null);
  const complete = useMutation(
    trpc.activities.completeTask.mutationOptions({
      onSuccess: (result) => {
        if (result.needsNextTask && result.dealId) setNextStepFor(result.dealId);
        else router.refresh();
      },
    }),
  );
  const reschedule = useMutation(trpc.activities.rescheduleTask.mutationOptions({ onSuccess: () => router.refresh() }));
  const reassign = useMutation(trpc.activities.reassignTask.mutationOptions({ onSuccess: () => router.refresh() }));
  const tomorrow = () => {
    const next = new Date(task.dueAt);
    const now = new Date();
    next.setFullYear(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    return next;
  };
  const button = 'rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium disabled:opacity-50';
  if (nextStepFor !== null) {
    return (
      <div className="mt-1 w-full rounded-md border border-amber-300 bg-amber-50 p-2" data-testid="next-step">
        <p className="text-xs font-medium text-amber-900">{t('nextStepPrompt')}</p>
        <QuickTaskForm dealId={nextStepFor} onDone={() => { setNextStepFor(null); router.refresh(); }} />
      </div>
    );
  }
  return (
    <span className="ml-1 inline-flex gap-1">
      <button type="button" className={button} disabled={complete.isPending} onClick={() => complete.mutate({ id: task.id, version: task.version })}>{t('done')}</button>
      <button type="button" className={button} disabled={reschedule.isPending} onClick={() => reschedule.mutate({ id: task.id, version: task.version, dueAt: tomorrow() })}>{t('tomorrow')}</button>
      {owners.length > 0 && (
        <select
          value=""
          aria-label={t('handOver')}
          disabled={reassign.isPending}
          onChange={(e) => e.target.value && reassign.mutate({ id: task.id, version: task.version, ownerId: Number(e.target.value) })}
          className="rounded-md border border-slate-300 bg-white px-1 py-0.5 text-xs"
        >
          <option value="">{t('handOver')}</option>
          {owners.map((owner) => <option key={owner.id} value={owner.id}>{owner.name}</option>)}
        </select>
      )}
    </span>
  );
}
