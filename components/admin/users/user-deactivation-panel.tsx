'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf, failedFieldOf } from '@/lib/trpc/errors';

const button = 'rounded-md border px-3 py-1.5 text-sm font-semibold disabled:opacity-40';

/**
 * Admin: deactivate a user, handing their open deals, leads, tasks and clients to a colleague in
 * the same step; or bring a deactivated user back.
 */
export function UserDeactivationPanel({ userId, isSelf }: { userId: number; isSelf: boolean }) {
  const t = useTranslations('adminUsers.deactivation');
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: user } = useQuery(trpc.users.byId.queryOptions({ id: userId }));
  const { data: users = [] } = useQuery(trpc.users.list.queryOptions());
  const [successorId, setSuccessorId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const done = {
    onSuccess: async () => {
      setError(null);
      await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      router.refresh();
    },
    onError: (e: unknown) => {
      const field = failedFieldOf(e);
      setError(errorCodeOf(e) === 'CONFLICT' ? t('conflict') : field === 'successorId' ? t('needSuccessor') : field === 'id' ? t('notAllowed') : t('failed'));
    },
  };
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions(done));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions(done));
  if (!user) return null;
  if (!user.isActive) {
    return (
      <div className="space-y-2" data-testid="user-deactivation">
        <p className="text-sm text-slate-700">{t('isInactive')}</p>
        <button type="button" disabled={reactivate.isPending} onClick={() => reactivate.mutate({ id: user.id, version: user.version })} className={`${button} border-slate-300 bg-white text-slate-900`}>
          {t('reactivate')}
        </button>
        <p role="alert" className="text-sm text-rose-700">{error}</p>
      </div>
    );
  }
  if (isSelf) return <p className="text-sm text-slate-700" data-testid="user-deactivation">{t('self')}</p>;
  const { owned } = user;
  const ownsSomething = owned.deals + owned.leads + owned.tasks + owned.clients > 0;
  const successors = users.filter((u) => u.isActive && u.id !== user.id && (u.role === 'manager' || u.role === 'head'));
  return (
    <div className="space-y-3" data-testid="user-deactivation">
      <p className="text-sm text-slate-700">{t('explain')}</p>
      <p className="text-sm text-slate-700" data-testid="owned-counts">{t('owned', owned)}</p>
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t('successor')}
        <select name="successorId" value={successorId} onChange={(e) => { setSuccessorId(e.target.value); setError(null); }} className="w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          <option value="">{ownsSomething ? t('chooseSuccessor') : t('noSuccessorNeeded')}</option>
          {successors.map((u) => <option key={u.id} value={u.id}>{u.name}{u.teamName ? ` · ${u.teamName}` : ''}</option>)}
        </select>
      </label>
      <button
        type="button"
        data-testid="deactivate-user"
        disabled={deactivate.isPending || (ownsSomething && !successorId)}
        onClick={() => deactivate.mutate({ id: user.id, version: user.version, successorId: successorId ? Number(successorId) : null })}
        className={`${button} border-rose-300 bg-rose-600 text-white`}
      >
        {t('deactivate')}
      </button>
      <p role="alert" className="text-sm text-rose-700">{error}</p>
    </div>
  );
}
