'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';

/** A head (inside the team) or an admin hands the deal to another manager. */
export function DealReassign({
  deal,
  owners,
  onDone,
}: {
  deal: { id: number; version: number; ownerId: number };
  owners: { id: number; name: string }[];
  /** Called after a reassignment (screens whose lists live in the query cache re-read them). */
  onDone?: () => void;
}) {
  const t = useTranslations('deals.card');
  const trpc = useTRPC();
  const router = useRouter();
  const [ownerId, setOwnerId] = useState(deal.ownerId);
  const reassign = useMutation(trpc.deals.reassign.mutationOptions({ onSuccess: () => { router.refresh(); onDone?.(); } }));
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        reassign.mutate({ id: deal.id, version: deal.version, ownerId });
      }}
    >
      <label className="min-w-0 flex-1">
        <span className="text-sm font-medium">{t('owner')}</span>
        <select value={ownerId} onChange={(e) => setOwnerId(Number(e.target.value))} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>{owner.name}</option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={ownerId === deal.ownerId || reassign.isPending} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium disabled:opacity-50">
        {t('reassign')}
      </button>
      {reassign.isError && <p role="alert" className="w-full text-sm text-rose-700">{t('saveFailed')}</p>}
    </form>
  );
}
