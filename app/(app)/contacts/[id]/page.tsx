import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActivityComposer } from '@/components/activities/activity-composer';
import { ClientDeals } from '@/components/clients/client-deals';
import { ClientStatusBadge } from '@/components/clients/client-status-badge';
import { ContactForm } from '@/components/clients/contact-form';
import { DealTimeline } from '@/components/deals/deal-timeline';
import { Panel } from '@/components/ui/panel';
import { getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';

async function loadContact(id: number) {
  if (!Number.isInteger(id) || id <= 0) notFound();
  try {
    return await getQueryClient().fetchQuery(trpc.contacts.byId.queryOptions({ id }));
  } catch {
    notFound();
  }
}

const fullName = (c: { lastName: string; firstName: string | null; middleName: string | null }) =>
  [c.lastName, c.firstName, c.middleName].filter(Boolean).join(' ');

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: fullName(await loadContact(Number((await params).id))) };
}

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSection('contacts');
  const contact = await loadContact(Number((await params).id));
  const t = await getTranslations('clients');
  return (
    <div className="space-y-5">
      <div>
        <Link href="/contacts" className="text-sm text-brand-700 hover:underline">← {t('title.contacts')}</Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{fullName(contact)}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <ClientStatusBadge returning={contact.isReturning} />
          {contact.companyId && (
            <Link href={`/companies/${contact.companyId}`} className="text-brand-700 hover:underline">{contact.companyName}</Link>
          )}
          <span>{t('card.owner', { name: contact.ownerName })}</span>
        </div>
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <Panel title={t('card.details')}>
          <ContactForm contact={contact} companyName={contact.companyName} editable={can(user.role, 'client.update')} />
        </Panel>
        <div className="space-y-5">
          <Panel title={t('card.deals')}>
            <ClientDeals deals={contact.deals} />
          </Panel>
          {can(user.role, 'activity.create') && (
            <Panel title={t('card.newActivity')}>
              <ActivityComposer link={{ contactId: contact.id }} />
            </Panel>
          )}
          <Panel title={t('card.timeline')}>
            <DealTimeline activities={contact.activities} canAct={can(user.role, 'activity.create')} />
          </Panel>
        </div>
      </div>
    </div>
  );
}
