'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';

/** Admin: everyone who can sign in (and those who no longer can), with role, team and status. */
export function UsersList() {
  const t = useTranslations('adminUsers');
  const roles = useTranslations('roles');
  const trpc = useTRPC();
  const { data: users = [] } = useQuery(trpc.users.list.queryOptions());
  const [showInactive, setShowInactive] = useState(false);
  const shown = users.filter((user) => showInactive || user.isActive);
  const inactiveCount = users.length - users.filter((user) => user.isActive).length;
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          {t('showInactive', { count: inactiveCount })}
        </label>
        <Link href="/admin/users/new" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white" data-testid="new-user">
          {t('newUser')}
        </Link>
      </div>
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" data-testid="users-list">
        {shown.map((user) => (
          <li key={user.id} className="grid gap-x-4 gap-y-0.5 px-3 py-2.5 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]" data-testid="user-row" data-active={user.isActive}>
            <div className="min-w-0">
              <Link href={`/admin/users/${user.id}`} className="font-medium text-brand-700 hover:underline">{user.name}</Link>
              <div className="truncate text-xs text-slate-500">{user.email}</div>
            </div>
            <div className="text-sm text-slate-700">
              {roles(user.role)}
              {user.isHead && <span className="ml-1.5 rounded bg-violet-50 px-1.5 text-xs text-violet-800">{t('teamHead')}</span>}
            </div>
            <div className="flex flex-wrap items-center gap-1.5 text-sm text-slate-600">
              <span>{user.teamName ?? t('noTeam')}</span>
              {!user.isActive && <span className="rounded bg-slate-200 px-1.5 text-xs font-medium text-slate-700">{t('inactive')}</span>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
