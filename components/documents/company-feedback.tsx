import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Panel } from '@/components/ui/panel';
import { formatDate } from '@/lib/format';
import { getQueryClient, trpc } from '@/lib/trpc/server';

const load = (companyId: number) => getQueryClient().fetchQuery(trpc.feedback.byCompany.queryOptions({ companyId }));

/** The client card's warning: negative reviews are flagged at the top, not buried in a list. */
export async function CompanyFeedbackFlag({ companyId }: { companyId: number }) {
  const { negative } = await load(companyId);
  if (negative === 0) return null;
  const t = await getTranslations('feedback');
  return (
    <a href="#client-feedback" role="status" className="rounded-full bg-rose-100 px-2 py-0.5 text-xs font-semibold text-rose-800 ring-1 ring-inset ring-rose-300" data-testid="negative-feedback-flag">
      {t('negativeFlag', { count: negative })}
    </a>
  );
}

/** The client's reviews across its deals (those the viewer may see). */
export async function CompanyFeedbackPanel({ companyId }: { companyId: number }) {
  const { items } = await load(companyId);
  const t = await getTranslations('feedback');
  const locale = await getLocale();
  return (
    <div id="client-feedback">
      <Panel title={t('panelTitle')}>
        {items.length === 0 ? (
          <p className="text-sm text-slate-500">{t('none')}</p>
        ) : (
          <ul className="space-y-2">
            {items.map((item) => (
              <li key={item.id} className={`rounded-lg border p-2 text-sm ${item.sentiment === 'negative' ? 'border-rose-200 bg-rose-50' : 'border-emerald-200 bg-emerald-50'}`}>
                <span className="font-medium">{t(item.sentiment)}</span>
                <span className="text-slate-500"> · {formatDate(item.receivedAt, locale)}</span>
                {item.dealId && (
                  <Link href={`/deals/${item.dealId}#feedback`} className="ml-1 text-brand-700 hover:underline">{t('toDeal')}</Link>
                )}
                <p className="mt-1 whitespace-pre-wrap break-words">{item.text}</p>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
