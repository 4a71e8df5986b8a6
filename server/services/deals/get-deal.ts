import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { companies, contacts, deals, dealTypes, lossReasons, pipelines, stages, users } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';

const owners = alias(users, 'owner');

/**
 * One deal by id within the actor's scope. A deal outside the scope is reported exactly like a
 * missing one (NOT_FOUND), so ids of colleagues' deals reveal nothing.
 */
export async function getDeal({ db, actor }: ServiceContext, input: { id: number }) {
  const [deal] = await db
    .select({
      id: deals.id,
      title: deals.title,
      amount: deals.amount,
      currency: deals.currency,
      status: deals.status,
      version: deals.version,
      pipelineId: deals.pipelineId,
      pipelineName: pipelines.name,
      stageId: deals.stageId,
      stageName: stages.name,
      ownerId: deals.ownerId,
      ownerName: owners.name,
      companyId: deals.companyId,
      companyName: companies.name,
      contactId: deals.contactId,
      contactLastName: contacts.lastName,
      contactFirstName: contacts.firstName,
      expectedCloseDate: deals.expectedCloseDate,
      closedAt: deals.closedAt,
      // Archived reasons and types still show on the deals that carry them.
      lossReasonRu: lossReasons.nameRu,
      lossReasonEn: lossReasons.nameEn,
      lossComment: deals.lossComment,
      dealTypeId: deals.dealTypeId,
      dealTypeRu: dealTypes.nameRu,
      dealTypeEn: dealTypes.nameEn,
      isRepeat: deals.isRepeat,
      stageEnteredAt: deals.stageEnteredAt,
      createdAt: deals.createdAt,
      updatedAt: deals.updatedAt,
    })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .innerJoin(pipelines, eq(pipelines.id, deals.pipelineId))
    .innerJoin(owners, eq(owners.id, deals.ownerId))
    .leftJoin(companies, eq(companies.id, deals.companyId))
    .leftJoin(contacts, eq(contacts.id, deals.contactId))
    .leftJoin(lossReasons, eq(lossReasons.id, deals.lossReasonId))
    .leftJoin(dealTypes, eq(dealTypes.id, deals.dealTypeId))
    .where(and(eq(deals.id, input.id), ownedWithin(actor, deals.ownerId)))
    .limit(1);
  if (!deal) throw notFound('Deal');
  return deal;
}
