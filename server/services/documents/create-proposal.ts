import { proposals, proposalVersions } from '@/db/schema';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { dealInScope, requireDocumentEditor } from './document-access';
import { nextProposalNumber } from './numbering';
import { writeVersionLines } from './proposal-lines';
import { createProposalInput, type CreateProposalInput } from './schemas';

/** A new commercial offer on a deal in scope: number N, version 1 as a draft with its lines. */
export async function createProposal(ctx: ServiceContext, rawInput: CreateProposalInput) {
  requireDocumentEditor(ctx.actor);
  const input = createProposalInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const deal = await dealInScope(tx, ctx.actor, input.dealId);
    if (deal.status === 'lost') throw new ServiceError('BAD_REQUEST', 'dealId: a lost deal takes no new offers');
    const number = await nextProposalNumber(tx);
    const [proposal] = await tx
      .insert(proposals)
      .values({ number, dealId: deal.id, ownerId: deal.ownerId, title: input.title })
      .returning({ id: proposals.id });
    const [version] = await tx
      .insert(proposalVersions)
      .values({
        proposalId: proposal!.id,
        versionNo: 1,
        currency: deal.currency,
        validUntil: input.validUntil ?? null,
        notes: input.notes ?? null,
        createdBy: ctx.actor.id,
      })
      .returning({ id: proposalVersions.id });
    const totals = await writeVersionLines(tx, version!.id, input.items);
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'proposal.create',
      entityType: 'proposal',
      entityId: proposal!.id,
      changes: { number: [null, number], dealId: [null, deal.id], title: [null, input.title], lines: [null, input.items.length], total: [null, totals.total] },
    });
    return { id: proposal!.id, number, versionId: version!.id, ...totals };
  });
}
