'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';
import { ApiKeyCreateDialog } from './api-keys-create-dialog';
import { ApiKeyRevokeDialog } from './api-keys-revoke-dialog';

type ApiKey = RouterOutputs['apiKeys']['list'][number];

/** Admin: the integration keys — who posts leads in, with what limit, when last; create and revoke. */
export function ApiKeysManager() {
  const t = useTranslations('apiKeys');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: keys = [] } = useQuery(trpc.apiKeys.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        setError(null);
        setRevoking(null);
        return refresh();
      },
      onError: (e) => {
        setRevoking(null);
        setError(errorCodeOf(e) === 'CONFLICT' ? t('conflict') : t('failed'));
        return refresh();
      },
    }),
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <a href="/api/v1/openapi.json" target="_blank" rel="noreferrer" className="text-sm text-brand-700 hover:underline">{t('docs')}</a>
        <button type="button" onClick={() => setCreating(true)} className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white">{t('newKey')}</button>
      </div>
      {error && <p role="alert" className="text-sm text-rose-700">{error}</p>}
      {keys.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <ul className="space-y-2" aria-label={t('title')}>
          {keys.map((key) => <KeyRow key={key.id} apiKey={key} onRevoke={() => setRevoking(key)} />)}
        </ul>
      )}
      {creating && (
        <ApiKeyCreateDialog
          onClose={() => {
            setCreating(false);
            void refresh();
          }}
        />
      )}
      {revoking && (
        <ApiKeyRevokeDialog
          name={revoking.name}
          prefix={revoking.prefix}
          pending={revoke.isPending}
          onConfirm={() => revoke.mutate({ id: revoking.id, version: revoking.version })}
          onCancel={() => setRevoking(null)}
        />
      )}
    </div>
  );
}

function KeyRow({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: () => void }) {
  const t = useTranslations('apiKeys');
  const locale = useLocale();
  const revoked = apiKey.revokedAt !== null;
  return (
    <li className={`rounded-xl border border-slate-200 bg-white p-3 sm:p-4 ${revoked ? 'opacity-60' : ''}`} data-testid="api-key-row">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-semibold break-words">{apiKey.name}</p>
          <p className="font-mono text-xs text-slate-500">vk_{apiKey.prefix}_…</p>
        </div>
        <div className="flex items-center gap-2">
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${revoked ? 'bg-slate-100 text-slate-600' : 'bg-emerald-50 text-emerald-700'}`}>
            {revoked ? t('status.revoked') : t('status.active')}
          </span>
          {!revoked && (
            <button type="button" onClick={onRevoke} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-rose-700 hover:bg-rose-50">
              {t('revoke')}
            </button>
          )}
        </div>
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4">
        <Fact label={t('fields.team')} value={apiKey.teamName ?? t('anyTeam')} />
        <Fact label={t('fields.scopes')} value={apiKey.scopes.map((scope) => (scope === 'leads:create' ? t('scopes.leadsCreate') : scope)).join(', ')} />
        <Fact label={t('fields.rateLimit')} value={t('perMinute', { count: apiKey.rateLimitPerMinute })} />
        <Fact label={t('fields.lastUsed')} value={apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt, locale) : t('never')} />
        <Fact label={t('fields.created')} value={`${formatDateTime(apiKey.createdAt, locale)}${apiKey.createdByName ? ` · ${apiKey.createdByName}` : ''}`} />
        {revoked && <Fact label={t('fields.revoked')} value={formatDateTime(apiKey.revokedAt!, locale)} />}
      </dl>
    </li>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-words text-slate-800">{value}</dd>
    </div>
  );
}
