'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';

type Team = RouterOutputs['users']['teams'][number];
type User = RouterOutputs['users']['list'][number];

const input = 'min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const button = 'rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-40';

/** Admin: teams — add, rename, choose the head (who then heads it with the head role). */
export function TeamsPanel() {
  const t = useTranslations('adminUsers.teams');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: teams = [] } = useQuery(trpc.users.teams.queryOptions());
  const { data: users = [] } = useQuery(trpc.users.list.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const refresh = {
    onSuccess: async () => {
      setError(null);
      await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.users.teams.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() })]);
    },
    onError: (e: unknown) => {
      setError(errorCodeOf(e) === 'CONFLICT' ? t('conflict') : t('failed'));
      void queryClient.invalidateQueries({ queryKey: trpc.users.teams.queryKey() });
    },
  };
  const create = useMutation(trpc.users.createTeam.mutationOptions(refresh));
  const [name, setName] = useState('');
  return (
    <section className="space-y-3" data-testid="teams-panel">
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <p role="alert" className="text-sm text-rose-700">{error}</p>
      <ul className="space-y-2">
        {teams.map((team) => <TeamRow key={`${team.id}-${team.version}`} team={team} users={users} refresh={refresh} />)}
      </ul>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) create.mutate({ name }, { onSuccess: () => setName('') });
        }}
      >
        <label className="grid min-w-0 flex-1 text-xs text-slate-600">
          {t('newTeam')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} className={input} />
        </label>
        <button type="submit" disabled={!name.trim() || create.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">{t('add')}</button>
      </form>
    </section>
  );
}

function TeamRow({ team, users, refresh }: { team: Team; users: User[]; refresh: { onSuccess: () => Promise<void>; onError: (e: unknown) => void } }) {
  const t = useTranslations('adminUsers.teams');
  const trpc = useTRPC();
  const rename = useMutation(trpc.users.renameTeam.mutationOptions(refresh));
  const setHead = useMutation(trpc.users.setTeamHead.mutationOptions(refresh));
  const [name, setName] = useState(team.name);
  const candidates = users.filter((user) => user.isActive && (user.role === 'manager' || user.role === 'head'));
  return (
    <li className="grid gap-2 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]" data-testid="team-row">
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate({ id: team.id, version: team.version, name });
        }}
      >
        <label className="grid min-w-0 flex-1 text-xs text-slate-600">
          {t('name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} className={input} />
        </label>
        <button type="submit" disabled={name === team.name || !name.trim() || rename.isPending} className={button}>{t('rename')}</button>
      </form>
      <label className="grid min-w-0 text-xs text-slate-600">
        {t('head', { count: team.memberCount })}
        <select
          value={team.headId ?? ''}
          disabled={setHead.isPending}
          onChange={(e) => setHead.mutate({ id: team.id, version: team.version, headId: e.target.value ? Number(e.target.value) : null })}
          className={input}
        >
          <option value="">{t('noHead')}</option>
          {candidates.map((user) => <option key={user.id} value={user.id}>{user.name}{user.teamId !== team.id ? ` · ${user.teamName ?? '—'}` : ''}</option>)}
        </select>
      </label>
    </li>
  );
}
