/** A form's outcome message and its submit button (hidden when the user may not edit). */
export function FormActions({
  message,
  editable,
  submitting,
  label,
}: {
  message: { tone: 'ok' | 'error'; text: string } | null;
  editable: boolean;
  submitting: boolean;
  label: string;
}) {
  return (
    <>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`text-sm ${message.tone === 'error' ? 'text-rose-700' : 'text-emerald-700'}`}>
          {message.text}
        </p>
      )}
      {editable && (
        <button type="submit" disabled={submitting} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {label}
        </button>
      )}
    </>
  );
}
