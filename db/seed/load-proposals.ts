/**
 * Proposals, their versions and line items: three COPYs over the same deterministic plans
 * (each pass recomputes the offers, so nothing large is held in memory).
 */
import type { BulkSession } from './bulk-loader';
import type { ClientsPlan } from './clients-plan';
import type { SeedContext } from './context';
import { NULL, line, money, text, ts } from './copy-text';
import { emptyPath } from './deal-path';
import { dealTitle } from './deal-texts';
import type { DealsPlan } from './deals-plan';
import { dealPathOf } from './load-deals';
import { planProposal, type ProposalPlan } from './proposal-plan';
import { Rng, STREAM } from './random';

export interface ProposalLinks {
  /** proposal_versions.id of the deal's accepted version (0 = none) and its total in kopecks. */
  acceptedVersion: Int32Array;
  acceptedTotal: Float64Array;
}

type Visitor = (d: number, proposalId: number, firstVersionId: number, firstItemId: number, plan: ProposalPlan) => boolean;

/** Walks every deal's offers in id order; the visitor returns true when the writer wants a drain. */
async function eachProposal(ctx: SeedContext, deals: DealsPlan, visit: Visitor, drain: () => Promise<void>): Promise<void> {
  const chance = Math.min(1, ctx.params.proposals / Math.max(1, deals.proposalCandidates));
  const rng = new Rng();
  const pathRng = new Rng();
  const path = emptyPath();
  let proposalId = 0;
  let versionId = 0;
  let itemId = 0;
  for (let d = 0; d < deals.count; d++) {
    rng.at(ctx.seed, STREAM.proposal, d);
    if (deals.pipeline[d] !== 0) continue;
    dealPathOf(ctx, deals, d, pathRng, path);
    const plan = planProposal(ctx, deals, d, path, rng, chance);
    if (!plan) continue;
    proposalId++;
    const flush = visit(d, proposalId, versionId + 1, itemId + 1, plan);
    versionId += plan.versions.length;
    for (const v of plan.versions) itemId += v.items.length;
    if (flush) await drain();
  }
}

export async function loadProposals(
  ctx: SeedContext,
  session: BulkSession,
  clients: ClientsPlan,
  deals: DealsPlan,
  counts: Record<string, number>,
): Promise<ProposalLinks> {
  const links: ProposalLinks = { acceptedVersion: new Int32Array(deals.count), acceptedTotal: new Float64Array(deals.count) };

  counts.proposals = await session.copy('proposals', ['id', 'number', 'deal_id', 'owner_id', 'title', 'created_at', 'updated_at', 'version'], async (w) => {
    await eachProposal(
      ctx,
      deals,
      (d, id, _v, _i, plan) => {
        const last = plan.versions[plan.versions.length - 1]!;
        const updated = Math.max(plan.createdAt, last.createdAt);
        return w.push(
          line([String(id), String(id), String(d + 1), String(deals.owner[d]!), text(`КП: ${dealTitle(ctx, clients, deals, d)}`), ts(plan.createdAt), ts(updated), String(plan.versions.length)]),
        );
      },
      () => w.drain(),
    );
  });

  counts.proposal_versions = await session.copy(
    'proposal_versions',
    ['id', 'proposal_id', 'version_no', 'status', 'currency', 'subtotal', 'discount_total', 'vat_total', 'total', 'valid_until', 'notes', 'sent_at', 'answered_at', 'created_by', 'created_at', 'updated_at', 'version'],
    async (w) => {
      await eachProposal(
        ctx,
        deals,
        (d, proposalId, firstVersion, _i, plan) => {
          let flush = false;
          plan.versions.forEach((v, k) => {
            if (v.status === 'accepted') {
              links.acceptedVersion[d] = firstVersion + k;
              links.acceptedTotal[d] = v.total;
            }
            const updated = Math.max(v.createdAt, Number.isNaN(v.answeredAt) ? v.createdAt : v.answeredAt, Number.isNaN(v.sentAt) ? v.createdAt : v.sentAt);
            flush =
              w.push(
                line([
                  String(firstVersion + k),
                  String(proposalId),
                  String(k + 1),
                  v.status,
                  'RUB',
                  money(v.subtotal),
                  money(v.discountTotal),
                  money(v.vatTotal),
                  money(v.total),
                  v.validUntil,
                  k > 0 ? text('Скорректированы условия по итогам переговоров.') : NULL,
                  ts(v.sentAt),
                  ts(v.answeredAt),
                  String(deals.owner[d]!),
                  ts(v.createdAt),
                  ts(updated),
                  '1',
                ]),
              ) || flush;
          });
          return flush;
        },
        () => w.drain(),
      );
    },
  );

  counts.proposal_items = await session.copy(
    'proposal_items',
    ['id', 'proposal_version_id', 'product_id', 'name', 'unit', 'quantity', 'price', 'discount_pct', 'vat_rate', 'line_total', 'sort_order', 'created_at', 'updated_at'],
    async (w) => {
      await eachProposal(
        ctx,
        deals,
        (_d, _p, firstVersion, firstItem, plan) => {
          let flush = false;
          let itemId = firstItem;
          plan.versions.forEach((v, k) => {
            v.items.forEach((item, n) => {
              const at = ts(v.createdAt);
              flush =
                w.push(
                  line([
                    String(itemId++),
                    String(firstVersion + k),
                    String(item.product.id),
                    text(item.product.name),
                    text(item.product.unit),
                    (item.quantity / 1000).toFixed(3),
                    money(item.product.price),
                    (item.discount / 100).toFixed(2),
                    item.product.vatRate.toFixed(2),
                    money(item.lineTotal),
                    String(n + 1),
                    at,
                    at,
                  ]),
                ) || flush;
            });
          });
          return flush;
        },
        () => w.drain(),
      );
    },
  );
  return links;
}
