'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { LOCALES, ROLES, type Locale, type Role } from '@/db/schema/enums';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf, failedFieldOf } from '@/lib/trpc/errors';

const input = 'w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';

export interface UserFormValues {
  id?: number;
  version?: number;
  name: string;
  email: string;
  role: Role;
  teamId: number | null;
  locale: Locale | null;
}

const EMPTY: UserFormValues = { name: '', email: '', role: 'manager', teamId: null, locale: null };

/** Admin: a new user (with an optional first password) or an existing one's name, e-mail, role, team, language. */
export function UserForm({ user }: { user?: UserFormValues }) {
  const t = useTranslations('adminUsers.form');
  const roles = useTranslations('roles');
  const languages = useTranslations('language');
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: teams = [] } = useQuery(trpc.users.teams.queryOptions());
  const [values, setValues] = useState<UserFormValues>(user ?? EMPTY);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const onError = (error: unknown) => {
    const field = failedFieldOf(error);
    if (errorCodeOf(error) === 'CONFLICT' && field === 'email') return setMessage({ ok: false, text: t('errors.emailTaken') });
    if (errorCodeOf(error) === 'CONFLICT') return setMessage({ ok: false, text: t('errors.conflict') });
    if (field === 'id') return setMessage({ ok: false, text: t('errors.lastAdmin') });
    setMessage({ ok: false, text: field && ['name', 'email', 'password'].includes(field) ? t(`errors.${field as 'name' | 'email' | 'password'}`) : t('errors.failed') });
  };
  const create = useMutation(trpc.users.create.mutationOptions({
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      router.push(`/admin/users/${id}`);
    },
    onError,
  }));
  const update = useMutation(trpc.users.update.mutationOptions({
    onSuccess: async ({ version }) => {
      setValues((current) => ({ ...current, version }));
      setMessage({ ok: true, text: t('saved') });
      await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      router.refresh();
    },
    onError,
  }));
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setMessage(null);
  };

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { name: values.name, email: values.email, role: values.role, teamId: values.teamId, locale: values.locale };
    if (values.id && values.version) update.mutate({ id: values.id, version: values.version, ...fields });
    else create.mutate({ ...fields, ...(password ? { password } : {}) });
  }

  return (
    <form onSubmit={save} className="grid max-w-2xl gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="user-form">
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t('name')}
        <input name="name" value={values.name} onChange={(e) => set('name', e.target.value)} required maxLength={120} autoComplete="off" className={input} />
      </label>
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t('email')}
        <input name="email" type="email" value={values.email} onChange={(e) => set('email', e.target.value)} required maxLength={200} autoComplete="off" className={input} />
      </label>
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t('role')}
        <select name="role" value={values.role} onChange={(e) => set('role', e.target.value as Role)} className={input}>
          {ROLES.map((role) => <option key={role} value={role}>{roles(role)}</option>)}
        </select>
      </label>
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t('team')}
        <select name="teamId" value={values.teamId ?? ''} onChange={(e) => set('teamId', e.target.value ? Number(e.target.value) : null)} className={input}>
          <option value="">{t('noTeam')}</option>
          {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
      </label>
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t('language')}
        <select name="locale" value={values.locale ?? ''} onChange={(e) => set('locale', (e.target.value || null) as Locale | null)} className={input}>
          <option value="">{t('browserLanguage')}</option>
          {LOCALES.map((locale) => <option key={locale} value={locale}>{languages(locale)}</option>)}
        </select>
      </label>
      {!values.id && (
        <label className="grid gap-1 text-sm font-medium text-slate-700">
          {t('password')}
          <input name="password" type="password" value={password} onChange={(e) => { setPassword(e.target.value); setMessage(null); }} autoComplete="new-password" maxLength={200} className={input} />
          <span className="text-xs font-normal text-slate-500">{t('passwordHelp')}</span>
        </label>
      )}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={create.isPending || update.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
          {values.id ? t('save') : t('create')}
        </button>
        <p role="status" className={`text-sm ${message?.ok ? 'text-emerald-700' : 'text-rose-700'}`}>{message?.text}</p>
      </div>
    </form>
  );
}
