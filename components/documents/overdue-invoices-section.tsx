import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Panel } from '@/components/ui/panel';
import { formatDate, formatMoney } from '@/lib/format';
import { getQueryClient, trpc } from '@/lib/trpc/server';

/** The Today screen's receivables: my invoices past due with a debt (nothing shown when there are none). */
export async function OverdueInvoicesSection() {
  const rows = await getQueryClient().fetchQuery(trpc.invoices.overdueMine.queryOptions());
  if (rows.length === 0) return null;
  const t = await getTranslations('invoices.today');
  const locale = await getLocale();
  return (
    <div className="mt-5" data-testid="today-overdue-invoices">
      <Panel title={t('title', { count: rows.length })}>
        <ul className="divide-y divide-slate-100 text-sm">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
              <span className="min-w-0 break-words">
                {r.dealId ? (
                  <Link href={`/deals/${r.dealId}`} className="font-medium text-brand-700 hover:underline">{t('invoice', { number: r.number })}</Link>
                ) : (
                  <span className="font-medium">{t('invoice', { number: r.number })}</span>
                )}
                {r.clientName && <span className="text-slate-600"> · {r.clientName}</span>}
              </span>
              <span>
                <span className="font-semibold text-rose-700">{formatMoney(r.debt, r.currency, locale)}</span>
                <span className="text-slate-500"> · {t('overdue', { days: r.daysOverdue, date: formatDate(r.dueDate, locale) })}</span>
              </span>
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
