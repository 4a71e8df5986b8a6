import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DistributionSettings } from '@/components/team/distribution-settings';
import { HygieneBoard } from '@/components/team/hygiene-board';
import { LeadAlerts } from '@/components/team/lead-alerts';
import { TeamTargets } from '@/components/targets/team-targets';
import { PageHeader } from '@/components/ui/page-header';
import { readParam } from '@/lib/search-params';
import { HydrateClient, getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('team') };
}

/**
 * The head's team screen: lead alerts (missed response SLA), plan vs fact, the month's targets and
 * the target planner, pipeline hygiene (with reassignment), lead distribution.
 */
export default async function TeamPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSection('team');
  const t = await getTranslations('team');
  const tDistribution = await getTranslations('distribution');
  const queryClient = getQueryClient();
  const [teams, organisation] = await Promise.all([
    queryClient.fetchQuery(trpc.reference.teams.queryOptions()),
    queryClient.fetchQuery(trpc.reference.organisation.queryOptions()),
  ]);
  // The organisation's current month: targets and plan vs fact open on it.
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: organisation.timeZone, year: 'numeric', month: '2-digit' }).format(new Date());

  const onlyTeamId = teams.length === 1 ? teams[0]!.id : undefined;
  // ?teamId= opens the hygiene board on that team (the analytics home links here per team).
  const askedTeam = Number(readParam(await searchParams, 'teamId'));
  const boardTeamId = onlyTeamId ?? teams.find((team) => team.id === askedTeam)?.id;
  // Heads and admins run distribution; executives only read it.
  const managesDistribution = user.role === 'head' || user.role === 'admin';
  // Targets are read per team: the only one, the asked one, else the first.
  const targetsTeamId = boardTeamId ?? teams[0]?.id;
  await Promise.all([
    queryClient.prefetchQuery(trpc.targets.planFact.queryOptions({ month, teamId: targetsTeamId })),
    queryClient.prefetchQuery(trpc.targets.grid.queryOptions({ month, teamId: targetsTeamId })),
    queryClient.prefetchQuery(trpc.hygiene.board.queryOptions({ teamId: boardTeamId })),
    // Alerts: the head's team, or every team for an admin or an executive (each row names its team).
    queryClient.prefetchQuery(trpc.distribution.alerts.queryOptions({ teamId: onlyTeamId })),
    // Distribution is set per team: the only team, or the first one until another is picked.
    queryClient.prefetchQuery(trpc.distribution.settings.queryOptions({ teamId: teams[0]?.id })),
  ]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <HydrateClient>
        <LeadAlerts teamId={onlyTeamId} canAcknowledge={managesDistribution} showTeam={teams.length !== 1} />
        <TeamTargets teams={teams} initialTeamId={targetsTeamId} initialMonth={month} currency={organisation.currency} />
        <h2 className="mb-2 mt-8 text-lg font-semibold">{t('hygiene.title')}</h2>
        <p className="mb-3 text-sm text-slate-500">{t('hygiene.description')}</p>
        <HygieneBoard teams={teams} initialTeamId={boardTeamId} canSetTasks={can(user.role, 'activity.create')} canReassign={managesDistribution} />
        <h2 className="mb-2 mt-8 text-lg font-semibold">{tDistribution('title')}</h2>
        <p className="mb-3 text-sm text-slate-500">{tDistribution('description')}</p>
        <DistributionSettings teams={teams} canEdit={managesDistribution} />
      </HydrateClient>
    </>
  );
}
