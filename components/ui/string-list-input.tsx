'use client';

import { useTranslations } from 'next-intl';

/** Edits a list of strings (phones, e-mails): one input per value, add and remove rows. */
export function StringListInput({
  label,
  value,
  onChange,
  inputMode,
  errors,
}: {
  label: string;
  value: string[];
  onChange: (next: string[]) => void;
  inputMode?: 'tel' | 'email';
  errors?: (string | undefined)[];
}) {
  const t = useTranslations('common');
  const rows = value.length > 0 ? value : [''];
  const setRow = (index: number, text: string) => onChange(rows.map((row, i) => (i === index ? text : row)));
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{label}</legend>
      {rows.map((row, index) => (
        <div key={index} className="flex gap-2">
          <input
            value={row}
            inputMode={inputMode}
            type={inputMode === 'email' ? 'email' : 'text'}
            aria-label={`${label} ${index + 1}`}
            aria-invalid={Boolean(errors?.[index])}
            onChange={(e) => setRow(index, e.target.value)}
            className={`block w-full rounded-md border px-3 py-2 text-sm ${errors?.[index] ? 'border-rose-500' : 'border-slate-300'}`}
          />
          {rows.length > 1 && (
            <button type="button" onClick={() => onChange(rows.filter((_, i) => i !== index))} aria-label={t('remove')} className="rounded-md border border-slate-300 px-2 text-sm">
              ×
            </button>
          )}
        </div>
      ))}
      {errors?.some(Boolean) && <p className="text-xs text-rose-700">{errors.find(Boolean)}</p>}
      <button type="button" onClick={() => onChange([...rows, ''])} className="text-xs font-medium text-brand-700 hover:underline">
        + {t('addAnother')}
      </button>
    </fieldset>
  );
}
