import Link from 'next/link';
import { PrintButton } from '@/components/analytics/print-button';

/** A printable document's page: back, language and print controls (hidden on paper), then the sheet. */
export function PrintFrame({
  backHref,
  backLabel,
  printLabel,
  languages,
  children,
}: {
  backHref: string;
  backLabel: string;
  printLabel: string;
  languages: { href: string; label: string; current: boolean }[];
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 text-sm print:hidden">
        <Link href={backHref} className="text-brand-700 hover:underline">← {backLabel}</Link>
        {languages.map((l) => (
          <Link key={l.href} href={l.href} aria-current={l.current ? 'page' : undefined} className={l.current ? 'font-semibold' : 'text-brand-700 hover:underline'}>
            {l.label}
          </Link>
        ))}
        <PrintButton label={printLabel} className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700" />
      </div>
      <article className="mx-auto max-w-3xl rounded-xl border border-slate-200 bg-white p-4 text-sm sm:p-8 print:border-0 print:p-0">{children}</article>
    </div>
  );
}

/** Label / value pairs of a party (seller, buyer), skipping empty values. */
export function PartyBlock({ title, rows }: { title: string; rows: [string, string | null | undefined][] }) {
  return (
    <section>
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <dl className="mt-1 space-y-0.5">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="break-words">
              <dt className="inline text-slate-500">{label}: </dt>
              <dd className="inline">{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
