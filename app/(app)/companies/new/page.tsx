import { getTranslations } from 'next-intl/server';
import { CompanyForm } from '@/components/clients/company-form';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { requireSection } from '@/server/auth/page-access';
import { can } from '@/server/auth/permissions';
import { redirect } from 'next/navigation';

export default async function NewCompanyPage() {
  const user = await requireSection('companies');
  if (!can(user.role, 'client.update')) redirect('/companies');
  const t = await getTranslations('clients');
  return (
    <>
      <PageHeader title={t('create.companies')} />
      <Panel title={t('card.details')}>
        <CompanyForm editable />
      </Panel>
    </>
  );
}
