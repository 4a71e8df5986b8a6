import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActivityComposer } from '@/components/activities/activity-composer';
import { CreatedNotice } from '@/components/leads/created-notice';
import { LeadDetailsForm } from '@/components/leads/lead-details-form';
import { LeadReassign } from '@/components/leads/lead-reassign';
import { LinkedRecords } from '@/components/leads/lead-links';
import { LeadStatusActions } from '@/components/leads/lead-status-actions';
import { LeadStatusBadge } from '@/components/leads/lead-status-badge';
import { LeadTimeline } from '@/components/leads/lead-timeline';
import { Panel } from '@/components/ui/panel';
import { formatDate, formatDateTime } from '@/lib/format';
import { getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';

async function loadLead(id: number) {
  if (!Number.isInteger(id) || id <= 0) notFound();
  try {
    return await getQueryClient().fetchQuery(trpc.leads.byId.queryOptions({ id }));
  } catch {
    notFound(); // outside the scope looks exactly like missing
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const lead = await loadLead(Number((await params).id));
  return { title: lead.title };
}

const UTM_FIELDS = ['utmSource', 'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm'] as const;

export default async function LeadPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const user = await requireSection('leads');
  const lead = await loadLead(Number((await params).id));
  const justCreated = (await searchParams).created === '1';
  const t = await getTranslations('leadCard');
  const locale = await getLocale();
  const queryClient = getQueryClient();
  const canChange = can(user.role, 'lead.update');
  const canAct = can(user.role, 'activity.create');
  const [timeline, sources, junkReasons, pipelines, owners] = await Promise.all([
    queryClient.fetchQuery(trpc.leads.history.queryOptions({ id: lead.id })),
    queryClient.fetchQuery(trpc.reference.leadSources.queryOptions()),
    queryClient.fetchQuery(trpc.reference.junkReasons.queryOptions()),
    queryClient.fetchQuery(trpc.reference.pipelines.queryOptions()),
    // Heads and admins may hand the lead and open tasks over to someone else.
    can(user.role, 'lead.reassign') ? queryClient.fetchQuery(trpc.reference.owners.queryOptions()) : Promise.resolve([]),
  ]);
  const open = lead.status === 'new' || lead.status === 'in_progress';
  // An archived source stays on the lead that has it, but is not offered to others.
  const sourceOptions =
    lead.sourceId && !sources.some((s) => s.id === lead.sourceId)
      ? [...sources, { id: lead.sourceId, nameRu: lead.sourceNameRu ?? '', nameEn: lead.sourceNameEn ?? '' }]
      : sources;
  const { duplicates, converted } = lead;
  const hasDuplicates = Boolean(duplicates.lead || duplicates.contact || duplicates.company);
  const sourceName = locale === 'ru' ? lead.sourceNameRu : lead.sourceNameEn;
  const utm = UTM_FIELDS.filter((field) => lead[field]);

  return (
    <div className="space-y-5">
      <div>
        <Link href="/leads" className="text-sm text-brand-700 hover:underline">← {t('backToList')}</Link>
        <h1 className="mt-1 break-words text-2xl font-semibold tracking-tight">{lead.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
          <LeadStatusBadge status={lead.status} label={t(`statuses.${lead.status}`)} />
          {hasDuplicates && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900" data-testid="duplicate-flag">{t('duplicateFlag')}</span>}
          <span>{lead.ownerName ? t('ownerIs', { name: lead.ownerName }) : lead.teamName ? t('waitingInTeam', { team: lead.teamName }) : t('noOwner')}</span>
          {sourceName && <span>{sourceName}</span>}
          <span>{t('createdOn', { date: formatDate(lead.createdAt, locale) })}</span>
          {lead.status === 'new' && lead.responseDueAt && <span className="text-amber-800">{t('respondBy', { time: formatDateTime(lead.responseDueAt, locale) })}</span>}
        </div>
      </div>

      {justCreated && <CreatedNotice warning={hasDuplicates} text={hasDuplicates ? t('createdWithDuplicates') : t('created')} />}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-5">
          <Panel title={t('status')}>
            {open && canChange ? (
              <div className="space-y-4">
                <LeadStatusActions lead={lead} junkReasons={junkReasons} pipelines={pipelines} />
                {can(user.role, 'lead.reassign') && owners.length > 0 && (
                  <div className="border-t border-slate-100 pt-3" data-testid="lead-reassign">
                    <LeadReassign key={lead.version} lead={{ id: lead.id, version: lead.version, ownerId: lead.ownerId }} owners={owners} />
                  </div>
                )}
              </div>
            ) : (
              <div className="space-y-1 text-sm">
                <LeadStatusBadge status={lead.status} label={t(`statuses.${lead.status}`)} />
                {lead.status === 'junk' && (
                  <p>
                    {t('junkReason', { reason: (locale === 'ru' ? lead.junkReasonRu : lead.junkReasonEn) ?? '—' })}
                    {lead.junkedAt && ` · ${formatDate(lead.junkedAt, locale)}`}
                  </p>
                )}
                {lead.junkComment && <p className="text-slate-600">{lead.junkComment}</p>}
                {lead.convertedAt && <p>{t('convertedOn', { date: formatDate(lead.convertedAt, locale) })}</p>}
              </div>
            )}
          </Panel>
          {lead.status === 'converted' && (
            <Panel title={t('convertedInto')}>
              <LinkedRecords testId="converted-links" records={[{ kind: 'company', record: converted.company }, { kind: 'contact', record: converted.contact }, { kind: 'deal', record: converted.deal }]} />
            </Panel>
          )}
          {hasDuplicates && (
            <Panel title={t('duplicates')}>
              <p className="mb-2 text-sm text-slate-600">{t('duplicatesHint')}</p>
              <LinkedRecords testId="duplicate-links" records={[{ kind: 'lead', record: duplicates.lead }, { kind: 'contact', record: duplicates.contact }, { kind: 'company', record: duplicates.company }]} />
            </Panel>
          )}
          <Panel title={t('details')}>
            {!open && <p className="mb-3 text-sm text-slate-500">{t('closedReadOnly')}</p>}
            <LeadDetailsForm
              key={lead.version}
              lead={{ id: lead.id, version: lead.version, title: lead.title, personName: lead.personName, phone: lead.phone, email: lead.email, companyName: lead.companyName, comment: lead.comment, sourceId: lead.sourceId }}
              sources={sourceOptions}
              editable={canChange && open}
            />
          </Panel>
          <Panel title={t('sourceAndUtm')}>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-500">{t('fields.sourceId')}</dt>
              <dd>{sourceName ?? '—'}</dd>
              {utm.map((field) => (
                <div key={field} className="contents">
                  <dt className="text-slate-500">{t(`fields.${field}`)}</dt>
                  <dd className="break-words font-mono text-xs leading-5">{lead[field]}</dd>
                </div>
              ))}
            </dl>
            {utm.length === 0 && <p className="mt-2 text-xs text-slate-500">{t('noUtm')}</p>}
          </Panel>
        </div>
        <div className="min-w-0 space-y-5">
          {canAct && (
            <Panel title={t('newActivity')}>
              <ActivityComposer link={{ leadId: lead.id }} />
            </Panel>
          )}
          <Panel title={t('timeline')}>
            <LeadTimeline items={timeline} canAct={canAct} owners={owners} />
          </Panel>
        </div>
      </div>
    </div>
  );
}
