import type { Role } from '@/db/schema/enums';

/** The app's sections and the roles that see them (DESIGN.md section 4). */
export const SECTIONS = [
  { key: 'today', href: '/today', roles: ['manager', 'head'] },
  { key: 'calendar', href: '/calendar', roles: ['manager', 'head'] },
  { key: 'pipeline', href: '/pipeline', roles: ['manager', 'head', 'executive', 'admin'] },
  { key: 'leads', href: '/leads', roles: ['manager', 'head', 'executive', 'admin'] },
  { key: 'deals', href: '/deals', roles: ['manager', 'head', 'executive', 'admin'] },
  { key: 'contacts', href: '/contacts', roles: ['manager', 'head', 'executive', 'admin'] },
  { key: 'companies', href: '/companies', roles: ['manager', 'head', 'executive', 'admin'] },
  { key: 'team', href: '/team', roles: ['head', 'executive', 'admin'] },
  { key: 'analytics', href: '/analytics', roles: ['head', 'executive', 'admin'] },
  { key: 'admin', href: '/admin', roles: ['admin'] },
] as const satisfies readonly { key: string; href: string; roles: readonly Role[] }[];

export type SectionKey = (typeof SECTIONS)[number]['key'];

export function sectionsFor(role: Role) {
  return SECTIONS.filter((section) => (section.roles as readonly Role[]).includes(role));
}

export function canOpenSection(role: Role, key: SectionKey): boolean {
  return sectionsFor(role).some((section) => section.key === key);
}
