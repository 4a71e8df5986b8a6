'use client';

import Link from 'next/link';

/**
 * A report figure that opens the deals or leads behind it (lib/drill-down.ts builds the href).
 * It reads as a number: the underline shows only on hover and focus.
 */
export function DrillLink({ href, children, testId }: { href: string | null | undefined; children: React.ReactNode; testId?: string }) {
  if (!href) return <>{children}</>;
  return (
    <Link href={href} prefetch={false} data-testid={testId} className="text-inherit decoration-slate-400 underline-offset-2 hover:underline focus-visible:underline">
      {children}
    </Link>
  );
}

