import { getTranslations } from 'next-intl/server';
import { Panel } from '@/components/ui/panel';
import { getQueryClient, trpc } from '@/lib/trpc/server';
import { DealFeedback } from './deal-feedback';
import { DealInvoicesPanel } from './deal-invoices';
import { DealProposals } from './deal-proposals';

/** The deal card's documents (server component): offers with all versions, invoices and payments, feedback. */
export async function DealDocuments({ dealId, currency, editable }: { dealId: number; currency: string; editable: boolean }) {
  const t = await getTranslations('proposals');
  const queryClient = getQueryClient();
  const [proposals, invoices, feedback, products] = await Promise.all([
    queryClient.fetchQuery(trpc.proposals.byDeal.queryOptions({ dealId })),
    queryClient.fetchQuery(trpc.invoices.byDeal.queryOptions({ dealId })),
    queryClient.fetchQuery(trpc.feedback.byDeal.queryOptions({ dealId })),
    editable ? queryClient.fetchQuery(trpc.proposals.products.queryOptions()) : Promise.resolve([]),
  ]);
  const acceptedOffers = proposals.flatMap((p) =>
    p.versions.filter((v) => v.status === 'accepted').map((v) => ({ versionId: v.id, label: t('versionTitle', { number: p.number, version: v.versionNo }) })),
  );
  return (
    <>
      <Panel title={t('panelTitle')}>
        <DealProposals dealId={dealId} currency={currency} proposals={proposals} products={products} editable={editable} />
      </Panel>
      <Panel title={(await getTranslations('invoices'))('panelTitle')}>
        <DealInvoicesPanel dealId={dealId} data={invoices} acceptedOffers={acceptedOffers} editable={editable} />
      </Panel>
      <div id="feedback">
        <Panel title={(await getTranslations('feedback'))('panelTitle')}>
          <DealFeedback dealId={dealId} items={feedback} editable={editable} />
        </Panel>
      </div>
    </>
  );
}
