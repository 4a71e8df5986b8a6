'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ReassignForm } from '@/components/ui/reassign-form';
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
  const reassign = useMutation(trpc.deals.reassign.mutationOptions({ onSuccess: () => { router.refresh(); onDone?.(); } }));
  return (
    <ReassignForm
      currentOwnerId={deal.ownerId}
      owners={owners}
      labels={{ owner: t('owner'), reassign: t('reassign'), failed: t('saveFailed') }}
      pending={reassign.isPending}
      failed={reassign.isError}
      onReassign={(ownerId) => reassign.mutate({ id: deal.id, version: deal.version, ownerId })}
    />
  );
}
