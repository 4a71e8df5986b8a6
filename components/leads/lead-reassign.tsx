'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ReassignForm } from '@/components/ui/reassign-form';
import { useTRPC } from '@/lib/trpc/client';

/** A head (inside the team) or an admin hands an open lead to another manager. */
export function LeadReassign({ lead, owners }: { lead: { id: number; version: number; ownerId: number | null }; owners: { id: number; name: string }[] }) {
  const t = useTranslations('leadCard');
  const trpc = useTRPC();
  const router = useRouter();
  const reassign = useMutation(trpc.leads.reassign.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <ReassignForm
      currentOwnerId={lead.ownerId}
      owners={owners}
      labels={{ owner: t('newOwner'), reassign: t('reassign'), failed: t('saveFailed') }}
      pending={reassign.isPending}
      failed={reassign.isError}
      onReassign={(ownerId) => reassign.mutate({ id: lead.id, version: lead.version, ownerId })}
    />
  );
}
