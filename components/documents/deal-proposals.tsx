'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { button, type CatalogueProduct, type DealProposal, type ProposalVersionView } from './document-types';
import { ProposalEditor } from './proposal-editor';
import { ProposalVersionCard } from './proposal-version-card';

const draftOf = (v: ProposalVersionView) => ({
  lines: v.items.map((i) => ({ productId: i.productId, name: i.name, unit: i.unit, quantity: String(Number(i.quantity)), price: i.price, discountPct: String(Number(i.discountPct)), vatRate: String(Number(i.vatRate)) })),
  validUntil: v.validUntil,
  notes: v.notes,
});

/** The deal card's commercial offers: every offer with all its versions, newest first. */
export function DealProposals({
  dealId,
  currency,
  proposals,
  products,
  editable,
}: {
  dealId: number;
  currency: string;
  proposals: DealProposal[];
  products: CatalogueProduct[];
  editable: boolean;
}) {
  const t = useTranslations('proposals');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <div className="space-y-4" data-testid="deal-offers">
      {proposals.length === 0 && !creating && <p className="text-sm text-slate-500">{t('none')}</p>}
      {proposals.map((proposal) => (
        <div key={proposal.id} data-testid="offer">
          <h3 className="mb-2 text-sm font-semibold">{t('offerTitle', { number: proposal.number, title: proposal.title })}</h3>
          <ul className="space-y-2">
            {proposal.versions.map((version, index) =>
              editing === version.id ? (
                <li key={version.id}>
                  <ProposalEditor target={{ kind: 'edit', versionId: version.id, version: version.version }} products={products} currency={currency} initial={draftOf(version)} onClose={() => setEditing(null)} />
                </li>
              ) : (
                <ProposalVersionCard key={version.id} dealId={dealId} number={proposal.number} version={version} isLatest={index === 0} editable={editable} onEdit={() => setEditing(version.id)} />
              ),
            )}
          </ul>
        </div>
      ))}
      {editable &&
        (creating ? (
          <ProposalEditor target={{ kind: 'create', dealId }} products={products} currency={currency} onClose={() => setCreating(false)} />
        ) : (
          <button type="button" className={button} onClick={() => setCreating(true)}>
            {t('create')}
          </button>
        ))}
    </div>
  );
}
