'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/lib/trpc/client';

/** "Done" and "tomorrow" on an open task of a timeline. */
export function OpenTaskActions({ task }: { task: { id: number; version: number; dueAt: Date | string } }) {
  const t = useTranslations('activities');
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = { onSuccess: () => router.refresh() };
  const complete = useMutation(trpc.activities.completeTask.mutationOptions(refresh));
  const reschedule = useMutation(trpc.activities.rescheduleTask.mutationOptions(refresh));
  const tomorrow = () => {
    const next = new Date(task.dueAt);
    const now = new Date();
    next.setFullYear(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    return next;
  };
  const button = 'rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium disabled:opacity-50';
  return (
    <span className="ml-1 inline-flex gap-1">
      <button type="button" className={button} disabled={complete.isPending} onClick={() => complete.mutate({ id: task.id, version: task.version })}>{t('done')}</button>
      <button type="button" className={button} disabled={reschedule.isPending} onClick={() => reschedule.mutate({ id: task.id, version: task.version, dueAt: tomorrow() })}>{t('tomorrow')}</button>
    </span>
  );
}
