'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { signOut } from '@/lib/sign-out';
import { useTRPC } from '@/lib/trpc/client';
import { LanguageSwitch } from './language-switch';

export function UserMenu({ name, roleLabel }: { name: string; roleLabel: string }) {
  const t = useTranslations('shell');
  const trpc = useTRPC();
  const saveLocale = useMutation(trpc.profile.setLocale.mutationOptions());
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="min-w-0 text-right leading-tight">
        <Link href="/profile" title={t('profile')} className="block truncate text-sm font-medium hover:underline" data-testid="current-user">
          {name}
        </Link>
        <div className="text-xs text-slate-500">{roleLabel}</div>
      </div>
      <LanguageSwitch onSave={(locale) => saveLocale.mutateAsync({ locale })} />
      <button
        type="button"
        onClick={() => void signOut()}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
      >
        {t('signOut')}
      </button>
    </div>
  );
}
