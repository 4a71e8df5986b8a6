'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTRPC } from '@/lib/trpc/client';
import { API_KEY_SCOPES, DEFAULT_RATE_LIMIT_PER_MINUTE, MAX_RATE_LIMIT_PER_MINUTE, type ApiKeyScope } from '@/server/services/api-keys/schemas';

const field = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal';

/**
 * A new key in two steps: the form, then the secret — shown here once (only its hash is kept),
 * with a copy button. Closing the second step is the admin saying they have it.
 */
export function ApiKeyCreateDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations('apiKeys.createDialog');
  const trpc = useTRPC();
  const ref = useRef<HTMLDialogElement>(null);
  const { data: teams = [] } = useQuery(trpc.reference.teams.queryOptions());
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => ref.current?.showModal(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const rateLimitPerMinute = Number(form.get('rateLimitPerMinute'));
    const scopes = form.getAll('scopes').map(String) as ApiKeyScope[];
    if (!name) return setError(t('nameRequired'));
    if (scopes.length === 0) return setError(t('scopeRequired'));
    if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1 || rateLimitPerMinute > MAX_RATE_LIMIT_PER_MINUTE) return setError(t('rateLimitInvalid'));
    setError(null);
    create.mutate({ name, scopes, rateLimitPerMinute, teamId: form.get('teamId') ? Number(form.get('teamId')) : null }, { onError: () => setError(t('failed')) });
  }

  return (
    <dialog ref={ref} onCancel={onClose} aria-labelledby="create-key-title" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
      {create.data ? (
        <SecretStep secret={create.data.key} onDone={onClose} />
      ) : (
        <form onSubmit={submit} className="space-y-3 p-5">
          <h2 id="create-key-title" className="text-lg font-semibold">{t('title')}</h2>
          <label className="block text-sm font-medium">
            {t('name')}
            <input name="name" maxLength={120} placeholder={t('namePlaceholder')} className={field} autoFocus />
          </label>
          <label className="block text-sm font-medium">
            {t('team')}
            <select name="teamId" defaultValue="" className={field}>
              <option value="">{t('anyTeam')}</option>
              {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
            </select>
          </label>
          <label className="block text-sm font-medium">
            {t('rateLimit')}
            <input name="rateLimitPerMinute" type="number" min={1} max={MAX_RATE_LIMIT_PER_MINUTE} defaultValue={DEFAULT_RATE_LIMIT_PER_MINUTE} className={field} />
          </label>
          <fieldset className="text-sm">
            <legend className="font-medium">{t('scopes')}</legend>
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="mt-1 flex items-center gap-2">
                <input type="checkbox" name="scopes" value={scope} defaultChecked />
                {scope === 'leads:create' ? t('scopeLeadsCreate') : scope}
              </label>
            ))}
          </fieldset>
          {error && <p role="alert" className="text-sm text-rose-700">{error}</p>}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-4 py-2 text-sm">{t('cancel')}</button>
            <button type="submit" disabled={create.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50">{t('create')}</button>
          </div>
        </form>
      )}
    </dialog>
  );
}

function SecretStep({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useTranslations('apiKeys.createDialog');
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(secret).then(() => setCopied(true), () => setCopied(false));
  }
  return (
    <div className="space-y-3 p-5">
      <h2 id="create-key-title" className="text-lg font-semibold">{t('secretTitle')}</h2>
      <p className="text-sm text-amber-800">{t('secretOnce')}</p>
      <div className="flex flex-wrap items-stretch gap-2">
        <input readOnly value={secret} aria-label={t('secretTitle')} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" data-testid="api-key-secret" />
        <button type="button" onClick={copy} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">{copied ? t('copied') : t('copy')}</button>
      </div>
      <p className="text-xs text-slate-500">{t('secretUse')}</p>
      <div className="flex justify-end">
        <button type="button" onClick={onDone} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">{t('done')}</button>
      </div>
    </div>
  );
}
