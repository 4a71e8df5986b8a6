'use client';

import { useTranslations } from 'next-intl';

/** Previous / next paging with "page X of Y · N in all". */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const t = useTranslations('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={t('pagination')} className="flex items-center justify-between gap-2 text-sm">
      <span className="text-slate-600">{t('pageOf', { page, pages, total })}</span>
      <div className="flex gap-2">
        <button type="button" onClick={() => onPage(Math.max(1, page - 1))} disabled={page <= 1} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 disabled:opacity-40">
          {t('previous')}
        </button>
        <button type="button" onClick={() => onPage(Math.min(pages, page + 1))} disabled={page >= pages} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 disabled:opacity-40">
          {t('next')}
        </button>
      </div>
    </nav>
  );
}
