import type { DealStatus } from '@/db/schema/enums';

const TONES: Record<DealStatus, string> = {
  open: 'bg-sky-50 text-sky-800 ring-sky-200',
  won: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  lost: 'bg-rose-50 text-rose-800 ring-rose-200',
};

export function StatusBadge({ status, label }: { status: DealStatus; label: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`}>
      {label}
    </span>
  );
}
