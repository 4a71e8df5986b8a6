import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActivityComposer } from '@/components/activities/activity-composer';
import { ClientDeals } from '@/components/clients/client-deals';
import { ClientStatusBadge } from '@/components/clients/client-status-badge';
import { CompanyForm } from '@/components/clients/company-form';
import { DealTimeline } from '@/components/deals/deal-timeline';
import { CompanyFeedbackFlag, CompanyFeedbackPanel } from '@/components/documents/company-feedback';
import { Panel } from '@/components/ui/panel';
import { getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';

async function loadCompany(id: number) {
  if (!Number.isInteger(id) || id <= 0) notFound();
  try {
    return await getQueryClient().fetchQuery(trpc.companies.byId.queryOptions({ id }));
  } catch {
    notFound();
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await loadCompany(Number((await params).id))).name };
}

export default async function CompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSection('companies');
  const company = await loadCompany(Number((await params).id));
  const t = await getTranslations('clients');
  return (
    <div className="space-y-5">
      <div>
        <Link href="/companies" className="text-sm text-brand-700 hover:underline">← {t('title.companies')}</Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{company.name}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <ClientStatusBadge returning={company.isReturning} />
          <CompanyFeedbackFlag companyId={company.id} />
          <span>{t('card.owner', { name: company.ownerName })}</span>
        </div>
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <div className="space-y-5">
          <Panel title={t('card.details')}>
            <CompanyForm company={company} editable={can(user.role, 'client.update')} />
          </Panel>
          <Panel title={t('card.contacts')}>
            {company.contacts.length === 0 ? (
              <p className="text-sm text-slate-500">{t('card.noContacts')}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {company.contacts.map((c) => (
                  <li key={c.id}>
                    <Link href={`/contacts/${c.id}`} className="font-medium hover:underline">{[c.lastName, c.firstName].filter(Boolean).join(' ')}</Link>
                    {c.position && <span className="text-slate-500"> · {c.position}</span>}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>
        <div className="space-y-5">
          <Panel title={t('card.deals')}>
            <ClientDeals deals={company.deals} />
          </Panel>
          <CompanyFeedbackPanel companyId={company.id} />
          {can(user.role, 'activity.create') && (
            <Panel title={t('card.newActivity')}>
              <ActivityComposer link={{ companyId: company.id }} />
            </Panel>
          )}
          <Panel title={t('card.timeline')}>
            <DealTimeline activities={company.activities} canAct={can(user.role, 'activity.create')} />
          </Panel>
        </div>
      </div>
    </div>
  );
}
