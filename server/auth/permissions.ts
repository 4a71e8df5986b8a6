import type { Role } from '@/db/schema';

/**
 * What each role may do, by `entity.verb` permission. Row scope (which rows) is separate:
 * see row-scope.ts. Executives read everything and change nothing operational.
 */
const PERMISSIONS = {
  'deal.read': ['manager', 'head', 'executive', 'admin'],
  'deal.update': ['manager', 'head', 'admin'],
  'deal.move': ['manager', 'head', 'admin'],
  'deal.reopen': ['head', 'admin'],
  'deal.reassign': ['head', 'admin'],
  'client.update': ['manager', 'head', 'admin'],
  'activity.create': ['manager', 'head', 'admin'],
  /** Offers, invoices, payments and client feedback on the deals in scope. */
  'document.update': ['manager', 'head', 'admin'],
  'lead.update': ['manager', 'head', 'admin'],
  'lead.reassign': ['head', 'admin'],
  'pipeline.manage': ['admin'],
  'profile.update': ['manager', 'head', 'executive', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The page a role lands on after sign-in. */
export function homePathFor(role: Role): string {
  switch (role) {
    case 'manager':
      return '/today';
    case 'head':
      return '/team';
    case 'executive':
      return '/analytics';
    case 'admin':
      return '/admin';
  }
}
