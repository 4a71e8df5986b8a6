import { getTranslations } from 'next-intl/server';
import { ContactForm } from '@/components/clients/contact-form';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';
import { redirect } from 'next/navigation';

export default async function NewContactPage() {
  const user = await requireSection('contacts');
  if (!can(user.role, 'client.update')) redirect('/contacts');
  const t = await getTranslations('clients');
  return (
    <>
      <PageHeader title={t('create.contacts')} />
      <Panel title={t('card.details')}>
        <ContactForm editable />
      </Panel>
    </>
  );
}
