import type { InputHTMLAttributes } from 'react';

/** A labelled text input with its validation message. */
export function FormField({ label, error, ...input }: { label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      <input
        {...input}
        aria-invalid={Boolean(error)}
        className={`mt-1 block w-full rounded-md border px-3 py-2 text-sm ${error ? 'border-rose-500' : 'border-slate-300'}`}
      />
      {error && <span className="text-xs text-rose-700">{error}</span>}
    </label>
  );
}
