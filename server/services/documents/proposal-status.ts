import { eq } from 'drizzle-orm';
import { deals, proposalVersions } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { checkVersion, dealInScope, lockVersionInScope, requireDocumentEditor } from './document-access';
import { requireLatest } from './proposal-versions';
import { acceptVersionInput, versionAction } from './schemas';

type Status = (typeof proposalVersions.$inferSelect)['status'];

/** draft → sent → accepted | rejected, on the latest version only. */
const NEXT: Record<'send' | 'accept' | 'reject', { from: Status; to: Status }> = {
  send: { from: 'draft', to: 'sent' },
  accept: { from: 'sent', to: 'accepted' },
  reject: { from: 'sent', to: 'rejected' },
};

async function changeStatus(ctx: ServiceContext, action: keyof typeof NEXT, input: { versionId: number; version: number }, setDealAmount = false) {
  requireDocumentEditor(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const { version: current, proposal } = await lockVersionInScope(tx, ctx.actor, input.versionId);
    checkVersion('offer', current.version, input.version);
    await requireLatest(tx, proposal.id, current.versionNo);
    const { from, to } = NEXT[action];
    if (current.status !== from) throw new ServiceError('BAD_REQUEST', `versionId: a ${current.status} offer cannot be ${to}`);
    const now = new Date();
    // "sent" stamps the date the 7-day follow-up reads; an answer stamps answered_at.
    const stamp = action === 'send' ? { sentAt: now } : { answeredAt: now };
    const nextVersion = current.version + 1;
    await tx.update(proposalVersions).set({ status: to, ...stamp, version: nextVersion, updatedAt: now }).where(eq(proposalVersions.id, current.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: `proposal.${action}`,
      entityType: 'proposal_version',
      entityId: current.id,
      changes: { status: [from, to], ...(action === 'send' ? { sentAt: [null, now] } : { answeredAt: [null, now] }), version: [current.version, nextVersion] },
    });
    let dealAmount: string | null = null;
    if (setDealAmount) {
      if (!can(ctx.actor.role, 'deal.update')) throw new ServiceError('FORBIDDEN', 'Your role may not change deals');
      const deal = await dealInScope(tx, ctx.actor, proposal.dealId, true);
      if (deal.amount !== current.total || deal.currency !== current.currency) {
        await tx.update(deals).set({ amount: current.total, currency: current.currency, version: deal.version + 1, updatedAt: now }).where(eq(deals.id, deal.id));
        await writeAudit(tx, {
          actorId: ctx.actor.id,
          action: 'deal.update',
          entityType: 'deal',
          entityId: deal.id,
          changes: { amount: [deal.amount, current.total], ...(deal.currency !== current.currency ? { currency: [deal.currency, current.currency] } : {}), version: [deal.version, deal.version + 1] },
        });
      }
      dealAmount = current.total;
    }
    return { versionId: current.id, status: to, version: nextVersion, dealAmount };
  });
}

export const sendVersion = (ctx: ServiceContext, raw: { versionId: number; version: number }) => changeStatus(ctx, 'send', versionAction.parse(raw));
export const rejectVersion = (ctx: ServiceContext, raw: { versionId: number; version: number }) => changeStatus(ctx, 'reject', versionAction.parse(raw));

/** Accepting may make the deal's amount the offer's total (same transaction, audited as a deal change). */
export function acceptVersion(ctx: ServiceContext, raw: { versionId: number; version: number; setDealAmount?: boolean }) {
  const input = acceptVersionInput.parse(raw);
  return changeStatus(ctx, 'accept', input, input.setDealAmount);
}
