import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { RouterOutputs } from '@/lib/trpc/types';

type Linked = NonNullable<RouterOutputs['leads']['byId']['duplicates']['lead']>;
type Kind = 'lead' | 'contact' | 'company' | 'deal';

const HREF: Record<Kind, string> = { lead: '/leads/', contact: '/contacts/', company: '/companies/', deal: '/deals/' };

/**
 * Records a lead points to — its duplicates or what it became. A colleague's record outside the
 * actor's scope is named only by its owner, with no link (it would open as "not found").
 */
export async function LinkedRecords({ records, testId }: { records: { kind: Kind; record: Linked | null }[]; testId: string }) {
  const t = await getTranslations('leadCard');
  const present = records.filter((item): item is { kind: Kind; record: Linked } => item.record !== null);
  if (present.length === 0) return null;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm" data-testid={testId}>
      {present.map(({ kind, record }) => (
        <div key={kind} className="contents">
          <dt className="text-slate-500">{t(`kinds.${kind}`)}</dt>
          <dd className="min-w-0 break-words">
            {record.visible ? (
              <Link href={`${HREF[kind]}${record.id}`} className="text-brand-700 hover:underline">{record.label || `#${record.id}`}</Link>
            ) : (
              <span className="text-slate-600">{t('colleagueRecord', { name: record.ownerName ?? '—' })}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
