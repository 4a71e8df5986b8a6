import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { Logo } from '@/components/shell/logo';
import { TrpcProvider } from '@/lib/trpc/client';
import { getQueryClient, trpc } from '@/lib/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  // The token is in the address: never hand it to another site as a referrer.
  return { title: (await getTranslations('resetPassword'))('title'), referrer: 'no-referrer' };
}

/** Signed out: a one-time link from the admin sets the password (the token is checked here and on submit). */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('resetPassword');
  const valid = await getQueryClient().fetchQuery(trpc.passwordLinks.isValid.queryOptions({ token })).catch(() => false);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-between">
          <Logo />
          <LanguageSwitch />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold">{t('title')}</h1>
          {valid ? (
            <TrpcProvider>
              <ResetPasswordForm token={token} />
            </TrpcProvider>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-rose-700">{t('expired')}</p>
              <Link href="/signin" className="text-sm text-brand-700 hover:underline">{t('signIn')}</Link>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
