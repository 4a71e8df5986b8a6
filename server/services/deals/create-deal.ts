import { and, asc, eq, sql } from 'drizzle-orm';
import { dealStageHistory, deals, stages } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { createDealInput, type CreateDealInput } from './schemas';
import { requireVisibleCompany, requireVisibleContact } from '../clients/visibility';
import { requireActiveDealType } from './require-active-deal-type';

/**
 * A new deal in the first stage of its pipeline, owned by the actor. It is a repeat deal when
 * its client (the company, or the contact without a company) already has a won deal.
 */
export async function createDeal(
  ctx: ServiceContext,
  rawInput: CreateDealInput,
  /** For conversions: the lead it came from, and its owner as the deal's owner. */
  options: { leadId?: number; ownerId?: number } = {},
) {
  if (!can(ctx.actor.role, 'deal.update')) throw new ServiceError('FORBIDDEN', 'Your role may not create deals');
  const input = createDealInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [first] = await tx
      .select({ id: stages.id, sortOrder: stages.sortOrder })
      .from(stages)
      .where(and(eq(stages.pipelineId, input.pipelineId), eq(stages.kind, 'open'), eq(stages.isArchived, false)))
      .orderBy(asc(stages.sortOrder))
      .limit(1);
    if (!first) throw new ServiceError('BAD_REQUEST', 'pipelineId: no such pipeline');
    await requireVisibleCompany(tx, ctx.actor, input.companyId);
    await requireVisibleContact(tx, ctx.actor, input.contactId);
    await requireActiveDealType(tx, input.dealTypeId);
    const client = input.companyId
      ? sql`${deals.companyId} = ${input.companyId}`
      : input.contactId
        ? sql`${deals.contactId} = ${input.contactId} and ${deals.companyId} is null`
        : null;
    const [repeat] = client
      ? await tx.select({ yes: sql<boolean>`true` }).from(deals).where(and(client, eq(deals.status, 'won'))).limit(1)
      : [];
    const [deal] = await tx
      .insert(deals)
      .values({
        title: input.title,
        pipelineId: input.pipelineId,
        stageId: first.id,
        amount: input.amount,
        contactId: input.contactId ?? null,
        companyId: input.companyId ?? null,
        sourceId: input.sourceId ?? null,
        dealTypeId: input.dealTypeId ?? null,
        expectedCloseDate: input.expectedCloseDate ?? null,
        leadId: options.leadId ?? null,
        ownerId: options.ownerId ?? ctx.actor.id,
        createdBy: ctx.actor.id,
        isRepeat: Boolean(repeat),
        furthestStageOrder: first.sortOrder,
      })
      .returning({ id: deals.id, version: deals.version });
    await tx.insert(dealStageHistory).values({ dealId: deal!.id, toStageId: first.id, changedBy: ctx.actor.id });
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'deal.create',
      entityType: 'deal',
      entityId: deal!.id,
      changes: diffFields({}, { ...input, stageId: first.id, isRepeat: Boolean(repeat), leadId: options.leadId }),
    });
    return { ...deal!, isRepeat: Boolean(repeat) };
  });
}
