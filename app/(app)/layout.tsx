import { AppShell } from '@/components/shell/app-shell';
import { TrpcProvider } from '@/lib/trpc/client';
import { requireUser } from '@/server/auth/page-access';

/** Every page inside the app needs an active user; a deactivated one is sent to sign-in. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <TrpcProvider>
      <AppShell user={user}>{children}</AppShell>
    </TrpcProvider>
  );
}
