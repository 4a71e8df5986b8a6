import { redirect } from 'next/navigation';
import { requireUser } from '@/server/auth/page-access';
import { homePathFor } from '@/server/auth/permissions';

/** `/` sends each role to its own home page. */
export default async function HomePage() {
  const user = await requireUser();
  redirect(homePathFor(user.role));
}
