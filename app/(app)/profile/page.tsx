import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/profile/change-password-form';
import { ProfileForm } from '@/components/profile/profile-form';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { requireUser } from '@/server/auth/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

/** Every role: the own name, language and password. */
export default async function ProfilePage() {
  const user = await requireUser();
  const t = await getTranslations('profile');
  const roles = await getTranslations('roles');
  return (
    <>
      <PageHeader title={t('title')} description={`${user.email} · ${roles(user.role)}`} />
      <div className="grid max-w-3xl gap-5 md:grid-cols-2">
        <Panel title={t('details')}>
          <ProfileForm name={user.name} locale={user.locale} />
        </Panel>
        <Panel title={t('password.title')}>
          <ChangePasswordForm />
        </Panel>
      </div>
    </>
  );
}
