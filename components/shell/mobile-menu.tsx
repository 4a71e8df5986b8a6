'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { NavLinks, type NavItem } from './nav-links';

/** Phones: a menu button in the top bar opens the section list over the page. */
export function MobileMenu({ items, footer }: { items: NavItem[]; footer: React.ReactNode }) {
  const t = useTranslations('shell');
  const [open, setOpen] = useState(false);
  return (
    <div className="lg:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-menu"
        onClick={() => setOpen((value) => !value)}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium"
      >
        {open ? t('closeMenu') : t('menu')}
      </button>
      {open && (
        <nav
          id="mobile-menu"
          aria-label={t('navigation')}
          className="absolute inset-x-0 top-full z-20 border-b border-slate-200 bg-white p-3 shadow-lg"
        >
          <NavLinks items={items} onNavigate={() => setOpen(false)} />
          <div className="mt-3 border-t border-slate-200 pt-3">{footer}</div>
        </nav>
      )}
    </div>
  );
}
