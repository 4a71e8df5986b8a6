import { useTranslations } from 'next-intl';

const TONES: Record<string, string> = {
  draft: 'bg-slate-100 text-slate-700 ring-slate-200',
  sent: 'bg-sky-50 text-sky-800 ring-sky-200',
  accepted: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  rejected: 'bg-rose-50 text-rose-800 ring-rose-200',
  issued: 'bg-amber-50 text-amber-800 ring-amber-200',
  paid: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  cancelled: 'bg-slate-100 text-slate-500 ring-slate-200',
  overdue: 'bg-rose-50 text-rose-800 ring-rose-200',
};

/** A document's status as a coloured badge (offer or invoice statuses, plus "overdue"). */
export function DocumentStatus({ kind, status }: { kind: 'proposal' | 'invoice'; status: string }) {
  const t = useTranslations(kind === 'proposal' ? 'proposals.status' : 'invoices.status');
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status] ?? TONES.draft}`}>{t(status as never)}</span>;
}
