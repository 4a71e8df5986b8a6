import type { LeadStatus } from '@/db/schema/enums';

const TONES: Record<LeadStatus, string> = {
  new: 'bg-sky-50 text-sky-800 ring-sky-200',
  in_progress: 'bg-amber-50 text-amber-800 ring-amber-200',
  converted: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  junk: 'bg-slate-100 text-slate-600 ring-slate-200',
};

export function LeadStatusBadge({ status, label }: { status: LeadStatus; label: string }) {
  return (
    <span data-testid="lead-status" className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`}>
      {label}
    </span>
  );
}
