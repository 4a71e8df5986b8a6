'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/lib/trpc/client';
import { PlanFactCard, WorkingDaysNote } from './plan-fact-card';

/** Today: where the month stands against the targets — a manager's own, a head's team's. */
export function TodayPlanFact({ currency }: { currency: string }) {
  const t = useTranslations('targets');
  const trpc = useTRPC();
  const { data } = useQuery(trpc.targets.planFact.queryOptions({}));
  if (!data) return null;
  const mine = data.team ? { title: t('teamRow', { team: data.teamName }), metrics: data.team.metrics } : data.managers[0] ? { title: t('myMonth'), metrics: data.managers[0].metrics } : null;
  if (!mine) return null;
  return (
    <section className="mb-6 space-y-2" aria-label={t('planFactTitle')} data-testid="today-plan-fact">
      <PlanFactCard title={mine.title} metrics={mine.metrics} currency={currency} testId="today-plan-fact-card" />
      <WorkingDaysNote clock={data.clock} />
    </section>
  );
}
