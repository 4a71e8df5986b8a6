import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/deals/status-badge';
import { formatDate, formatMoney } from '@/lib/format';

interface ClientDeal {
  id: number;
  title: string;
  amount: string;
  currency: string;
  status: 'open' | 'won' | 'lost';
  stageName: string;
  createdAt: Date;
}

export async function ClientDeals({ deals }: { deals: ClientDeal[] }) {
  const t = await getTranslations('clients');
  const locale = await getLocale();
  if (deals.length === 0) return <p className="text-sm text-slate-500">{t('noDeals')}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {deals.map((deal) => (
        <li key={deal.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <div className="min-w-0">
            <Link href={`/deals/${deal.id}`} className="font-medium hover:underline">{deal.title}</Link>
            <div className="text-xs text-slate-500">{formatDate(deal.createdAt, locale)}</div>
          </div>
          <div className="flex items-center gap-2">
            <StatusBadge status={deal.status} label={deal.stageName} />
            <span className="tabular-nums">{formatMoney(deal.amount, deal.currency, locale)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
