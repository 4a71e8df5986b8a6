'use client';

/** Opens the browser's print dialog: paper, or "Save as PDF" to forward the report. */
export function PrintButton({ label, className }: { label: string; className?: string }) {
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      {label}
    </button>
  );
}
