import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/format';
import type { RouterOutputs } from '@/lib/trpc/types';
import { OpenTaskActions } from '@/components/activities/open-task-actions';

type Item = RouterOutputs['leads']['history'][number];
type Activity = Extract<Item, { type: 'activity' }>['activity'];
type HistoryEvent = Extract<Item, { type: 'event' }>['event'];
type Value = HistoryEvent['changes'][number]['from'];

/** The lead's story, newest first: activities and history events (who changed what, old → new). */
export async function LeadTimeline({ items, canAct, owners = [] }: { items: Item[]; canAct: boolean; owners?: { id: number; name: string }[] }) {
  const t = await getTranslations('leadCard');
  if (items.length === 0) return <p className="text-sm text-slate-500">{t('noHistory')}</p>;
  return (
    <ol className="space-y-3" data-testid="lead-timeline">
      {items.map((item) =>
        item.type === 'activity' ? (
          <ActivityEntry key={`a${item.activity.id}`} activity={item.activity} canAct={canAct} owners={owners} />
        ) : (
          <EventEntry key={`e${item.event.id}`} event={item.event} />
        ),
      )}
    </ol>
  );
}

async function ActivityEntry({ activity, canAct, owners }: { activity: Activity; canAct: boolean; owners: { id: number; name: string }[] }) {
  const t = await getTranslations('leadCard');
  const kinds = await getTranslations('activities.kinds');
  const locale = await getLocale();
  const when = activity.doneAt ?? activity.dueAt ?? activity.createdAt;
  const open = activity.doneAt === null && activity.dueAt !== null;
  return (
    <li className="border-l-2 border-sky-300 pl-3" data-testid="timeline-activity">
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium">{kinds(activity.kind)}</span>
        <span className="min-w-0 break-words">{activity.subject}</span>
        {open && <span className="rounded bg-amber-50 px-1.5 text-xs text-amber-800">{t('planned')}</span>}
        {open && canAct && <OpenTaskActions task={{ id: activity.id, version: activity.version, dueAt: activity.dueAt! }} owners={owners} />}
      </div>
      <div className="text-xs text-slate-500">
        {formatDateTime(when, locale)} · {activity.ownerName}
        {activity.durationSec !== null && ` · ${t('duration', { minutes: Math.round(activity.durationSec / 60) })}`}
      </div>
      {(activity.result || activity.body) && <p className="mt-1 text-sm text-slate-700">{activity.result ?? activity.body}</p>}
    </li>
  );
}

async function EventEntry({ event }: { event: HistoryEvent }) {
  const t = await getTranslations('leadCard');
  const locale = await getLocale();
  const title = t.has(`events.${event.action}`) ? t(`events.${event.action}`) : t('events.other', { action: event.action });
  const fieldName = (field: string) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : field);
  return (
    <li className="border-l-2 border-slate-200 pl-3" data-testid="timeline-event" data-action={event.action}>
      <div className="text-sm">
        <span className="font-medium">{title}</span>
      </div>
      <div className="text-xs text-slate-500">{formatDateTime(event.at, locale)} · {event.actorName ?? t('system')}</div>
      {event.changes.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
          {event.changes.map((change) => (
            <li key={change.field} className="break-words">
              <span className="text-slate-500">{fieldName(change.field)}:</span>{' '}
              {change.from !== null && (
                <>
                  <ValueText value={change.from} locale={locale} /> →{' '}
                </>
              )}
              <ValueText value={change.to} locale={locale} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

async function ValueText({ value, locale }: { value: Value; locale: string }) {
  const t = await getTranslations('leadCard');
  if (value === null) return <span className="text-slate-400">{t('empty')}</span>;
  switch (value.kind) {
    case 'text':
      return <span>{value.text}</span>;
    case 'time':
      return <span>{formatDateTime(value.at, locale)}</span>;
    case 'status':
      return <span>{t(`statuses.${value.status}`)}</span>;
    case 'name':
      return <span>{locale === 'ru' ? value.ru : value.en}</span>;
    case 'link':
      return <Link href={value.href} className="text-brand-700 hover:underline">#{value.id}</Link>;
  }
}
