import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/format';
import type { RouterOutputs } from '@/lib/trpc/types';
import { OpenTaskActions } from '@/components/activities/open-task-actions';

type Activity = RouterOutputs['deals']['activities'][number];
type StageChange = RouterOutputs['deals']['stageHistory'][number];

/** Activities of the deal, newest first. */
export async function DealTimeline({
  activities,
  canAct = false,
  owners = [],
}: {
  activities: Activity[];
  canAct?: boolean;
  /** People open tasks may be handed to (heads and admins only). */
  owners?: { id: number; name: string }[];
}) {
  const t = await getTranslations('deals.card');
  const locale = await getLocale();
  if (activities.length === 0) return <p className="text-sm text-slate-500">{t('noActivities')}</p>;
  return (
    <ol className="space-y-3" data-testid="deal-timeline">
      {activities.map((activity) => {
        const when = activity.doneAt ?? activity.dueAt ?? activity.createdAt;
        const open = activity.doneAt === null && activity.dueAt !== null;
        return (
          <li key={activity.id} className="border-l-2 border-slate-200 pl-3">
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className="font-medium">{t(`activityKinds.${activity.kind}`)}</span>
              <span>{activity.subject}</span>
              {open && <span className="rounded bg-amber-50 px-1.5 text-xs text-amber-800">{t('planned')}</span>}
              {activity.feedbackDealId !== null && (
                <Link href={`/deals/${activity.feedbackDealId}#feedback`} className="text-xs text-brand-700 hover:underline">{t('feedbackForm')}</Link>
              )}
              {open && canAct && <OpenTaskActions task={{ id: activity.id, version: activity.version, dueAt: activity.dueAt! }} owners={owners} />}
            </div>
            <div className="text-xs text-slate-500">
              {formatDateTime(when, locale)} · {activity.ownerName}
              {activity.durationSec !== null && ` · ${t('duration', { minutes: Math.round(activity.durationSec / 60) })}`}
            </div>
            {(activity.result || activity.body) && <p className="mt-1 text-sm text-slate-700">{activity.result ?? activity.body}</p>}
          </li>
        );
      })}
    </ol>
  );
}

/** Every stage change: from, to, by whom, when. */
export async function DealStageHistory({ history }: { history: StageChange[] }) {
  const t = await getTranslations('deals.card');
  const locale = await getLocale();
  return (
    <ol className="space-y-2 text-sm" data-testid="stage-history">
      {history.map((change) => (
        <li key={change.id} className="flex flex-wrap gap-x-2">
          <span className="text-slate-500">{formatDateTime(change.changedAt, locale)}</span>
          <span>
            {change.fromStageName ? `${change.fromStageName} → ${change.toStageName}` : t('created', { stage: change.toStageName })}
          </span>
          <span className="text-slate-500">{change.changedByName ?? ''}</span>
        </li>
      ))}
    </ol>
  );
}
