import { getTranslations } from 'next-intl/server';
import { sectionsFor } from '@/lib/navigation';
import type { SessionUser } from '@/server/auth/session-user';
import { Logo } from './logo';
import { MobileMenu } from './mobile-menu';
import { NavLinks } from './nav-links';
import { UserMenu } from './user-menu';

/** Role-aware frame: a sidebar on desktops, a top bar with a menu on phones. */
export async function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const t = await getTranslations();
  const items = sectionsFor(user.role).map((section) => ({
    href: section.href,
    label: t(`nav.${section.key}`),
  }));
  const userMenu = <UserMenu name={user.name} roleLabel={t(`roles.${user.role}`)} />;
  return (
    <div className="min-h-dvh lg:flex">
      <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white lg:block print:hidden!">
        <div className="sticky top-0 flex h-dvh flex-col p-4">
          <div className="mb-6 px-2">
            <Logo />
          </div>
          <nav aria-label={t('shell.navigation')} className="flex-1 overflow-y-auto">
            <NavLinks items={items} />
          </nav>
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="relative flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2.5 print:hidden">
          <div className="lg:hidden">
            <Logo />
          </div>
          <div className="hidden lg:ml-auto lg:block">{userMenu}</div>
          <MobileMenu items={items} footer={userMenu} />
        </header>
        <main className="mx-auto w-full max-w-7xl px-4 py-5 lg:px-8 print:max-w-none print:p-0!">{children}</main>
      </div>
    </div>
  );
}
