import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActivityComposer } from '@/components/activities/activity-composer';
import { DealDetailsForm } from '@/components/deals/deal-details-form';
import { DealReassign } from '@/components/deals/deal-reassign';
import { DealStageActions } from '@/components/deals/deal-stage-actions';
import { DealStageHistory, DealTimeline } from '@/components/deals/deal-timeline';
import { StatusBadge } from '@/components/deals/status-badge';
import { DealDocuments } from '@/components/documents/deal-documents';
import { Panel } from '@/components/ui/panel';
import { formatDate, formatMoney } from '@/lib/format';
import { getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';

async function loadDeal(id: number) {
  if (!Number.isInteger(id) || id <= 0) notFound();
  try {
    return await getQueryClient().fetchQuery(trpc.deals.byId.queryOptions({ id }));
  } catch {
    notFound(); // outside the scope looks exactly like missing
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const deal = await loadDeal(Number((await params).id));
  return { title: deal.title };
}

export default async function DealPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSection('deals');
  const deal = await loadDeal(Number((await params).id));
  const t = await getTranslations('deals.card');
  const locale = await getLocale();
  const queryClient = getQueryClient();
  const [history, activities, pipelines, reasons, owners, dealTypes] = await Promise.all([
    queryClient.fetchQuery(trpc.deals.stageHistory.queryOptions({ id: deal.id })),
    queryClient.fetchQuery(trpc.deals.activities.queryOptions({ id: deal.id })),
    queryClient.fetchQuery(trpc.reference.pipelines.queryOptions()),
    queryClient.fetchQuery(trpc.reference.lossReasons.queryOptions()),
    can(user.role, 'deal.reassign') ? queryClient.fetchQuery(trpc.reference.owners.queryOptions()) : Promise.resolve([]),
    queryClient.fetchQuery(trpc.reference.dealTypes.queryOptions()),
  ]);
  const nameOf = (entry: { nameRu: string; nameEn: string }) => (locale === 'ru' ? entry.nameRu : entry.nameEn);
  const stages = pipelines.find((p) => p.id === deal.pipelineId)?.stages ?? [];
  const contactName = [deal.contactLastName, deal.contactFirstName].filter(Boolean).join(' ');
  const editable = can(user.role, 'deal.update');

  return (
    <div className="space-y-5">
      <div>
        <Link href="/deals" className="text-sm text-brand-700 hover:underline">← {t('backToList')}</Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{deal.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
          <StatusBadge status={deal.status} label={deal.stageName} />
          <span className="font-semibold text-slate-900">{formatMoney(deal.amount, deal.currency, locale)}</span>
          <span>{deal.pipelineName}</span>
          <span>{t('ownerIs', { name: deal.ownerName })}</span>
          {deal.isRepeat && <span className="rounded bg-violet-50 px-1.5 text-violet-800">{t('repeat')}</span>}
          {deal.closedAt && <span>{t('closedOn', { date: formatDate(deal.closedAt, locale) })}</span>}
          {deal.lossReasonRu && <span data-testid="deal-loss-reason">{t('lossReason', { name: locale === 'ru' ? deal.lossReasonRu : deal.lossReasonEn! })}</span>}
        </div>
      </div>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="space-y-5">
          <Panel title={t('details')}>
            <DealDetailsForm
              deal={{
                id: deal.id,
                version: deal.version,
                title: deal.title,
                amount: deal.amount,
                expectedCloseDate: deal.expectedCloseDate,
                dealTypeId: deal.dealTypeId,
                dealTypeName: deal.dealTypeRu ? nameOf({ nameRu: deal.dealTypeRu, nameEn: deal.dealTypeEn! }) : null,
              }}
              editable={editable}
              dealTypes={dealTypes.map((type) => ({ id: type.id, name: nameOf(type) }))}
            />
          </Panel>
          <Panel title={t('stage')}>
            <DealStageActions
              deal={deal}
              stages={stages}
              reasons={reasons}
              canMove={can(user.role, 'deal.move')}
              canReopen={can(user.role, 'deal.reopen')}
            />
            <div className="mt-4">
              <DealStageHistory history={history} />
            </div>
          </Panel>
          <Panel title={t('client')}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-500">{t('company')}</dt>
              <dd>{deal.companyId ? <Link className="text-brand-700 hover:underline" href={`/companies/${deal.companyId}`}>{deal.companyName}</Link> : '—'}</dd>
              <dt className="text-slate-500">{t('contact')}</dt>
              <dd>{deal.contactId ? <Link className="text-brand-700 hover:underline" href={`/contacts/${deal.contactId}`}>{contactName}</Link> : '—'}</dd>
            </dl>
          </Panel>
          {owners.length > 0 && (
            <Panel title={t('responsible')}>
              <DealReassign deal={deal} owners={owners} />
            </Panel>
          )}
        </div>
        <div className="space-y-5">
          {can(user.role, 'activity.create') && (
            <Panel title={t('newActivity')}>
              <ActivityComposer link={{ dealId: deal.id }} />
            </Panel>
          )}
          <DealDocuments dealId={deal.id} currency={deal.currency} editable={can(user.role, 'document.update')} />
          <Panel title={t('timeline')}>
            <DealTimeline activities={activities} canAct={can(user.role, 'activity.create')} owners={owners} />
          </Panel>
        </div>
      </div>
    </div>
  );
}
