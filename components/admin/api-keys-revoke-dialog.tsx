'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

/** Revoking cannot be undone and breaks every form that uses the key: ask first. */
export function ApiKeyRevokeDialog({ name, prefix, pending, onConfirm, onCancel }: { name: string; prefix: string; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useTranslations('apiKeys.revokeDialog');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog ref={ref} onCancel={onCancel} aria-labelledby="revoke-key-title" className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
      <div className="space-y-3 p-5">
        <h2 id="revoke-key-title" className="text-lg font-semibold">{t('title')}</h2>
        <p className="text-sm text-slate-700">
          <span className="font-medium">{name}</span> <span className="font-mono text-xs text-slate-500">vk_{prefix}_…</span>
        </p>
        <p className="text-sm text-slate-600">{t('text')}</p>
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-2 text-sm">{t('cancel')}</button>
          <button type="button" disabled={pending} onClick={onConfirm} className="rounded-md bg-rose-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50">{t('confirm')}</button>
        </div>
      </div>
    </dialog>
  );
}
