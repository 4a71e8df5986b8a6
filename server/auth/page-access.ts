import { redirect } from 'next/navigation';
import { canOpenSection, type SectionKey } from '@/lib/navigation';
import { getCurrentUser } from './current-user';
import { homePathFor } from './permissions';
import type { SessionUser } from './session-user';

/** For pages: the active user, else off to sign-in (a deactivated user lands there too). */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/signin');
  return user;
}

/** For a section's page: the user when their role may open it, else their own home page. */
export async function requireSection(key: SectionKey): Promise<SessionUser> {
  const user = await requireUser();
  if (!canOpenSection(user.role, key)) redirect(homePathFor(user.role));
  return user;
}
