'use client';

import { useEffect } from 'react';

/**
 * "The lead is created" (and whether it looks like a duplicate), shown once: the `?created=1`
 * that brought it is dropped from the address, so a reload or a later refresh does not repeat it.
 */
export function CreatedNotice({ text, warning }: { text: string; warning: boolean }) {
  useEffect(() => {
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  return (
    <p role="status" data-testid="created-notice" className={`rounded-lg border px-3 py-2 text-sm ${warning ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-emerald-200 bg-emerald-50 text-emerald-800'}`}>
      {text}
    </p>
  );
}
